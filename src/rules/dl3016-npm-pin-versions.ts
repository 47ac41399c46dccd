// DL3016: `npm install pkg` takes whatever the registry's latest is at build time; pin a version, tag or commit.
import type { ShellCommand } from '../dockerfile/shell.js';
import { argsNoFlags, cmdHasArgs, dropFlagArg } from '../dockerfile/shell.js';
import { commandsOf, runs } from './helpers.js';
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';

// npm options whose value is the next word.
const VALUE_FLAGS = ['loglevel', 'registry'];
const GIT_PREFIXES = ['git://', 'git+ssh://', 'git+http://', 'git+https://'];
const TARBALL_SUFFIXES = ['.tar', '.tar.gz', '.tgz'];
const PATH_PREFIXES = ['/', './', '../', '~/'];

// `@scope/name@1.2` carries a version; `@scope/name` does not: the scope's own `@` does not count. As hadolint,
// the scope is skipped up to the first character that sorts at or before `/`.
function hasVersion(pkg: string): boolean {
  let rest = pkg;
  if (rest.startsWith('@')) {
    let i = 0;
    while (i < rest.length && (rest[i] ?? '') > '/') i++;
    rest = rest.slice(i);
  }
  return rest.includes('@');
}

function pinned(pkg: string): boolean {
  if (GIT_PREFIXES.some((p) => pkg.startsWith(p))) return pkg.includes('#');
  if (TARBALL_SUFFIXES.some((s) => pkg.endsWith(s))) return true;
  if (PATH_PREFIXES.some((p) => pkg.startsWith(p))) return true;
  return hasVersion(pkg);
}

function unpinned(cmd: ShellCommand): string[] {
  if (!cmdHasArgs(cmd, 'npm', ['install'])) return [];
  const words = argsNoFlags(dropFlagArg(cmd, VALUE_FLAGS));
  // `npm run --x install` runs a script called install; only `npm install ...` installs.
  if (words[0] !== 'install') return [];
  let i = 0;
  while (words[i] === 'install') i++;
  return words.slice(i).filter((p) => !pinned(p));
}

export const dl3016: Rule = {
  id: 'DL3016',
  title: 'Pin versions in npm install',
  category: 'correctness',
  severity: 'warning',
  origin: 'hadolint',
  fixable: false,
  check(df) {
    return runs(df).flatMap((run) => {
      const loose = commandsOf(run).flatMap(unpinned);
      if (loose.length === 0) return [];
      return [findingAt(dl3016, run, `Pin versions in npm install (\`${loose[0] ?? ''}@<version>\`): ${loose.join(', ')} unpinned`)];
    });
  },
};
