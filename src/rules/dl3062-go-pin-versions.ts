// DL3062: `go install`/`go get`/`go run` without `@version` fetch whatever the module's latest is today.
import type { Instruction } from '../dockerfile/model.js';
import { argsNoFlags, cmdHasArgs } from '../dockerfile/shell.js';
import { commandsOf, runs } from './helpers.js';
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';

// The packages a RUN names. As in hadolint, when it has a `go run` only that is looked at, and only the first
// word after `run`: what follows is the program's own arguments.
function goPackages(ins: Instruction): string[] {
  const cmds = commandsOf(ins);
  const run = cmds
    .filter((c) => cmdHasArgs(c, 'go', ['run']))
    .flatMap((c) => argsNoFlags(c).filter((arg, i) => arg !== 'run' && i <= 1));
  if (run.length > 0) return run;
  return cmds
    .filter((c) => cmdHasArgs(c, 'go', ['install', 'get']))
    .flatMap((c) => argsNoFlags(c).filter((arg) => !['install', 'get', 'tool'].includes(arg)));
}

function isPinned(pkg: string): boolean {
  const local = pkg === '.' || pkg.startsWith('/') || pkg.startsWith('.');
  return local || (pkg.includes('@') && !pkg.endsWith('@latest') && !pkg.endsWith('@none'));
}

export const dl3062: Rule = {
  id: 'DL3062',
  title: 'Pin versions in `go install`',
  category: 'correctness',
  severity: 'warning',
  origin: 'hadolint',
  fixable: false,
  check(df) {
    return runs(df).flatMap((ins) => {
      const loose = goPackages(ins).filter((p) => !isPinned(p));
      if (loose.length === 0) return [];
      return [findingAt(dl3062, ins, `pin the version of ${loose.join(', ')}: use \`go install <package>@<version>\`, not @latest`)];
    });
  },
};
