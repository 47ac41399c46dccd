// DL3047: wget's default progress bar floods non-interactive build logs with a line per few kilobytes.
import type { ShellCommand } from '../dockerfile/shell.js';
import { cmdHasArgs, hasAnyFlag, hasFlag } from '../dockerfile/shell.js';
import { commandsOf, runs } from './helpers.js';
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';

// Any of these already keeps the progress output out of the log.
function quietEnough(cmd: ShellCommand): boolean {
  return (
    hasFlag(cmd, 'progress') ||
    hasAnyFlag(cmd, ['q', 'quiet', 'o', 'output-file', 'a', 'append-output', 'no-verbose']) ||
    cmdHasArgs(cmd, 'wget', ['-nv'])
  );
}

export const dl3047: Rule = {
  id: 'DL3047',
  title: 'Give `wget` a quiet progress style',
  category: 'style',
  severity: 'info',
  origin: 'hadolint',
  // `--progress=dot:giga` would be the obvious edit, but BusyBox wget (Alpine's default) rejects it and breaks
  // the build, so no fix is offered.
  fixable: false,
  check(df) {
    return runs(df)
      .filter((ins) => commandsOf(ins).some((cmd) => cmd.name === 'wget' && !quietEnough(cmd)))
      .map((ins) => findingAt(dl3047, ins,
        '`wget` without a progress option bloats the build log: use `wget --progress=dot:giga <url>`, or `-q` / `-nv`'));
  },
};
