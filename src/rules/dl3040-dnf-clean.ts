// DL3040: dnf and microdnf leave their package cache in the layer unless the same RUN cleans it afterwards.
import type { ShellCommand } from '../dockerfile/shell.js';
import { cmdHasArgs } from '../dockerfile/shell.js';
import type { Instruction } from '../dockerfile/model.js';
import { appendToRun, commandsOf, runs } from './helpers.js';
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';

const INSTALLS = ['install', 'in', 'upgrade', 'up', 'upgrade-minimal', 'up-min', 'reinstall', 'rei'];

// As hadolint, each of dnf and microdnf is judged on its own: its first install must precede its first
// `clean` (or `all`), or an `rm` given `-rf` or the libdnf5 cache path.
function leavesCache(cmds: readonly ShellCommand[], tool: string): boolean {
  const install = cmds.findIndex((c) => cmdHasArgs(c, tool, INSTALLS));
  if (install < 0) return false;
  const clean = cmds.findIndex((c) => cmdHasArgs(c, tool, ['clean', 'all']) || cmdHasArgs(c, 'rm', ['-rf', '/var/cache/libdnf5*']));
  return !(clean >= 0 && install < clean);
}

function cacheMounted(ins: Instruction): boolean {
  return (ins.run?.cacheMountTargets ?? []).some((t) => t.includes('/var/cache/libdnf5') || t.includes('.cache/libdnf5'));
}

export const dl3040: Rule = {
  id: 'DL3040',
  title: 'dnf clean all missing after dnf command',
  category: 'size',
  severity: 'warning',
  origin: 'hadolint',
  fixable: true,
  check(df) {
    return runs(df)
      .filter((ins) => ['dnf', 'microdnf'].some((tool) => leavesCache(commandsOf(ins), tool)) && !cacheMounted(ins))
      .map((ins) => {
        // Each tool cleans its own cache; both when both install.
        const tools = ['dnf', 'microdnf'].filter((tool) => leavesCache(commandsOf(ins), tool));
        const edit = ins.isTrigger ? null : appendToRun(df, ins, tools.map((t) => `${t} clean all`).join(' && '));
        return findingAt(dl3040, ins, 'run `dnf clean all` after dnf install in the same RUN, or the cache stays in the layer', edit === null ? {} : { fix: [edit] });
      });
  },
};
