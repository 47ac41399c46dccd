// DL3032: `yum install` leaves its cache in the layer unless the same RUN cleans it afterwards.
import type { ShellCommand } from '../dockerfile/shell.js';
import { cmdHasArgs } from '../dockerfile/shell.js';
import { appendToRun, commandsOf, runs } from './helpers.js';
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';

const installs = (c: ShellCommand): boolean => cmdHasArgs(c, 'yum', ['install']);
// As hadolint: a yum command with `clean` or `all`, or an `rm` with `-rf` or the cache path, counts as cleaning.
const cleans = (c: ShellCommand): boolean => cmdHasArgs(c, 'yum', ['clean', 'all']) || cmdHasArgs(c, 'rm', ['-rf', '/var/cache/yum/*']);

export const dl3032: Rule = {
  id: 'DL3032',
  title: 'yum clean all missing after yum install',
  category: 'size',
  severity: 'warning',
  origin: 'hadolint',
  fixable: true,
  check(df) {
    return runs(df)
      .filter((ins) => {
        const cmds = commandsOf(ins);
        const install = cmds.findIndex(installs);
        if (install < 0) return false;
        const clean = cmds.findIndex(cleans);
        return !(clean >= 0 && install < clean);
      })
      .map((ins) => {
        const edit = ins.isTrigger ? null : appendToRun(df, ins, 'yum clean all');
        return findingAt(dl3032, ins, 'run `yum clean all` after yum install in the same RUN, or the cache stays in the layer', edit === null ? {} : { fix: [edit] });
      });
  },
};
