// DL3036: `zypper install` leaves its package cache in the layer unless the same RUN cleans it afterwards.
import type { ShellCommand } from '../dockerfile/shell.js';
import { cmdHasArgs } from '../dockerfile/shell.js';
import { appendToRun, commandsOf, runs } from './helpers.js';
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';

const installs = (c: ShellCommand): boolean => cmdHasArgs(c, 'zypper', ['install', 'in']);
const cleans = (c: ShellCommand): boolean => cmdHasArgs(c, 'zypper', ['clean', 'cc']);

export const dl3036: Rule = {
  id: 'DL3036',
  title: 'zypper clean missing after zypper install',
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
        // A cache or tmpfs mount over the cache keeps it out of the layer.
        if ((ins.run?.cacheMountTargets ?? []).some((t) => t.includes('/var/cache/zypp'))) return false;
        // As hadolint: the first clean must come after the first install.
        const clean = cmds.findIndex(cleans);
        return !(clean >= 0 && install < clean);
      })
      .map((ins) => {
        const edit = ins.isTrigger ? null : appendToRun(df, ins, 'zypper clean --all');
        return findingAt(dl3036, ins, 'run `zypper clean` after zypper install in the same RUN, or the cache stays in the layer', edit === null ? {} : { fix: [edit] });
      });
  },
};
