// DL3013: `pip install pkg` takes whatever PyPI serves at build time; pins (or a requirements file) keep builds repeatable.
import type { ShellCommand } from '../dockerfile/shell.js';
import { argValues, argsNoFlags, dropFlagArg, hasFlag, isPipInstall } from '../dockerfile/shell.js';
import { commandsOf, runs } from './helpers.js';
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';

// pip options whose value is the next word, so that word is not a package.
const VALUE_FLAGS = [
  'abi', 'b', 'build', 'e', 'editable', 'extra-index-url', 'f', 'find-links', 'i', 'index-url', 'implementation',
  'no-binary', 'only-binary', 'platform', 'prefix', 'progress-bar', 'proxy', 'python', 'python-version', 'root',
  'root-user-action', 'src', 't', 'target', 'trusted-host', 'upgrade-strategy',
];
// pip's VCS schemes (vcs[+protocol]), as pip's docs list them.
const VCS_SCHEMES = [
  'git+file', 'git+https', 'git+ssh', 'git+http', 'git+git', 'git', 'hg+file', 'hg+http', 'hg+https', 'hg+ssh',
  'hg+static-http', 'svn', 'svn+svn', 'svn+http', 'svn+https', 'svn+ssh', 'bzr+http', 'bzr+https', 'bzr+ssh',
  'bzr+sftp', 'bzr+ftp', 'bzr+lp',
];
const VERSION_SYMBOLS = ['==', '>=', '<=', '>', '<', '!=', '~=', '==='];

const isVcs = (pkg: string): boolean => VCS_SCHEMES.some((s) => pkg.startsWith(s));

function pinned(pkg: string): boolean {
  return VERSION_SYMBOLS.some((s) => pkg.includes(s))
    || (isVcs(pkg) && pkg.includes('@'))
    || pkg.endsWith('.whl') || pkg.endsWith('.tar.gz')
    // A path (or URL) that is not a VCS checkout names one fixed artifact.
    || (!isVcs(pkg) && pkg.includes('/'));
}

function packages(cmd: ShellCommand): string[] {
  const words = argsNoFlags(dropFlagArg(cmd, VALUE_FLAGS));
  const at = words.indexOf('install');
  if (at < 0) return [];
  let i = at;
  while (words[i] === 'install') i++;
  return words.slice(i);
}

function unpinned(cmd: ShellCommand): string[] {
  if (!isPipInstall(cmd)) return [];
  if (hasFlag(cmd, 'constraint') || hasFlag(cmd, 'c')) return [];
  const args = argValues(cmd);
  // A requirements file or the local project pins (or does not) elsewhere.
  if (args.includes('--requirement') || args.includes('-r') || args.includes('.')) return [];
  return packages(cmd).filter((p) => !pinned(p));
}

export const dl3013: Rule = {
  id: 'DL3013',
  title: 'Pin versions in pip install',
  category: 'correctness',
  severity: 'warning',
  origin: 'hadolint',
  fixable: false,
  check(df) {
    return runs(df).flatMap((run) => {
      const loose = commandsOf(run).flatMap(unpinned);
      if (loose.length === 0) return [];
      return [findingAt(dl3013, run, `Pin versions in pip install (\`${loose[0] ?? ''}==<version>\`) or install from a requirements file: ${loose.join(', ')} unpinned`)];
    });
  },
};
