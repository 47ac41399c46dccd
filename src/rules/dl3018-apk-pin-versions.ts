// DL3018: unpinned apk packages install whatever the mirror serves that day, so rebuilds drift silently.
import type { ShellCommand } from '../dockerfile/shell.js';
import { argsNoFlags, cmdHasArgs, dropFlagArg } from '../dockerfile/shell.js';
import { commandsOf, runs } from './helpers.js';
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';

// `pkg=1.2`, fuzzy `pkg~1.2`, `pkg>=1.2`, `pkg<2` and local `.apk` files are all pinned enough.
function pinned(pkg: string): boolean {
  return ['=', '~', '>', '<'].some((c) => pkg.includes(c)) || pkg.endsWith('.apk');
}

function packages(cmd: ShellCommand): string[] {
  if (!cmdHasArgs(cmd, 'apk', ['add'])) return [];
  // `--virtual NAME` names a group, `--repository URL` a source: neither is a package.
  return argsNoFlags(dropFlagArg(cmd, ['t', 'virtual', 'repository', 'X'])).filter((a) => a !== 'add');
}

export const dl3018: Rule = {
  id: 'DL3018',
  title: 'Pin versions in apk add',
  category: 'correctness',
  severity: 'warning',
  origin: 'hadolint',
  fixable: false,
  check(df) {
    return runs(df).flatMap((run) => {
      const loose = commandsOf(run).flatMap(packages).filter((p) => !pinned(p));
      if (loose.length === 0) return [];
      return [findingAt(dl3018, run, `Pin versions in apk add (\`${loose[0] ?? ''}=<version>\`): ${loose.join(', ')} unpinned`)];
    });
  },
};
