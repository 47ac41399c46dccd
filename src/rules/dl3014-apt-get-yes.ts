// DL3014: without -y, apt-get install stops at its confirmation prompt, and a build has nobody to answer it.
import type { ShellCommand } from '../dockerfile/shell.js';
import { argValues, cmdHasArgs, countFlag, hasAnyFlag } from '../dockerfile/shell.js';
import { commandsOf, insertAfterArg, runs } from './helpers.js';
import type { Rule, TextEdit } from './rule.js';
import { findingAt } from './rule.js';

// `-qq` (quiet level 2) implies --assume-yes; exactly two, as hadolint counts them.
function assumesYes(cmd: ShellCommand): boolean {
  return hasAnyFlag(cmd, ['y', 'yes', 'qq', 'assume-yes'])
    || countFlag(cmd, 'q') === 2
    || countFlag(cmd, 'quiet') === 2
    || argValues(cmd).includes('-q=2');
}

export const dl3014: Rule = {
  id: 'DL3014',
  title: 'Use apt-get install -y',
  category: 'correctness',
  severity: 'warning',
  origin: 'hadolint',
  fixable: true,
  check(df) {
    return runs(df).flatMap((run) => {
      const prompting = commandsOf(run).filter((c) => cmdHasArgs(c, 'apt-get', ['install']) && !assumesYes(c));
      if (prompting.length === 0) return [];
      const edits = prompting.map((c) => {
        const install = c.args.find((a) => a.value === 'install');
        return install === undefined ? null : insertAfterArg(df, run, c, install.index, ' -y');
      });
      const fix = edits.every((e): e is TextEdit => e !== null) ? { fix: edits } : {};
      return [findingAt(dl3014, run, 'apt-get install without -y waits for a confirmation no one can give: add -y', fix)];
    });
  },
};
