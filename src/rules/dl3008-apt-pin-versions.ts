// DL3008: unpinned apt packages install whatever the mirror serves that day, so rebuilds drift silently.
import type { ShellCommand } from '../dockerfile/shell.js';
import { argsNoFlags, cmdHasArgs, dropFlagArg } from '../dockerfile/shell.js';
import { commandsOf, runs } from './helpers.js';
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';

// `pkg=1.2`, `pkg/bookworm-backports` (a release pin) and local `.deb` files are all pinned enough.
function pinned(pkg: string): boolean {
  return pkg.includes('=') || pkg.includes('/') || pkg.endsWith('.deb');
}

/** Package words of `apt-get install` commands (hadolint's reading: every non-flag word but `install`). */
function aptGetInstallPackages(cmd: ShellCommand): string[] {
  if (!cmdHasArgs(cmd, 'apt-get', ['install'])) return [];
  return argsNoFlags(dropFlagArg(cmd, ['t', 'target-release'])).filter((a) => a !== 'install');
}

export const dl3008: Rule = {
  id: 'DL3008',
  title: 'Pin versions in apt-get install',
  category: 'correctness',
  severity: 'warning',
  origin: 'hadolint',
  fixable: false,
  check(df) {
    return runs(df).flatMap((run) => {
      const loose = commandsOf(run).flatMap(aptGetInstallPackages).filter((p) => !pinned(p));
      if (loose.length === 0) return [];
      return [findingAt(dl3008, run, `Pin versions in apt-get install (\`${loose[0] ?? ''}=<version>\`): ${loose.join(', ')} unpinned`)];
    });
  },
};
