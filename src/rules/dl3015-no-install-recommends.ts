// DL3015: apt's recommended packages are optional extras that often double an image's size.
import type { ShellCommand } from '../dockerfile/shell.js';
import { cmdHasArgs, hasArg, hasFlag } from '../dockerfile/shell.js';
import { commandsOf, insertAfterArg, runs } from './helpers.js';
import type { Rule, TextEdit } from './rule.js';
import { findingAt } from './rule.js';

function skipsRecommends(cmd: ShellCommand): boolean {
  return hasFlag(cmd, 'no-install-recommends') || hasArg(cmd, 'APT::Install-Recommends=false');
}

export const dl3015: Rule = {
  id: 'DL3015',
  title: 'Use apt-get install --no-install-recommends',
  category: 'size',
  severity: 'info',
  origin: 'hadolint',
  fixable: true,
  check(df) {
    return runs(df).flatMap((run) => {
      const loose = commandsOf(run).filter((c) => cmdHasArgs(c, 'apt-get', ['install']) && !skipsRecommends(c));
      if (loose.length === 0) return [];
      const edits = loose.map((c) => {
        const install = c.args.find((a) => a.value === 'install');
        return install === undefined ? null : insertAfterArg(df, run, c, install.index, ' --no-install-recommends');
      });
      const fix = edits.every((e): e is TextEdit => e !== null) ? { fix: edits } : {};
      return [findingAt(dl3015, run, 'apt-get install also pulls recommended packages: add --no-install-recommends', fix)];
    });
  },
};
