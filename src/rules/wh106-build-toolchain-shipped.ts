// WH106: compilers, headers and build tools installed in a shipped stage are dead weight at run time.
import type { ShellCommand } from '../dockerfile/shell.js';
import { argsNoFlags, dropFlagArg, flagArgs } from '../dockerfile/shell.js';
import { commandsOf, shippedInstructions } from './helpers.js';
import type { Finding, Rule } from './rule.js';
import { findingAt } from './rule.js';
import { SIZE, formatEstimate } from './size-estimates.js';

const INSTALL: Readonly<Record<string, readonly string[]>> = {
  'apt-get': ['install'], apt: ['install'], aptitude: ['install'], apk: ['add'],
  yum: ['install', 'groupinstall'], dnf: ['install', 'groupinstall'], microdnf: ['install'], zypper: ['install', 'in'],
};
const REMOVE: Readonly<Record<string, readonly string[]>> = {
  'apt-get': ['purge', 'remove'], apt: ['purge', 'remove'], apk: ['del'], yum: ['remove', 'erase'], dnf: ['remove', 'erase'],
  microdnf: ['remove'], zypper: ['remove', 'rm'],
};

// Toolchain packages with an estimate of their own; others (`*-dev`, `*-devel`) count as a typical dev package.
const KNOWN: Readonly<Record<string, number>> = {
  'build-essential': SIZE.buildEssential.bytes, 'build-base': SIZE.alpineBuildBase.bytes, 'development tools': SIZE.buildEssential.bytes,
  gcc: SIZE.gcc.bytes, 'g++': SIZE.gxx.bytes, 'gcc-c++': SIZE.gxx.bytes, clang: SIZE.clang.bytes, llvm: SIZE.clang.bytes,
  make: SIZE.make.bytes, cmake: SIZE.cmake.bytes, 'ninja-build': SIZE.make.bytes, meson: SIZE.make.bytes,
  autoconf: SIZE.autotools.bytes, automake: SIZE.autotools.bytes, libtool: SIZE.autotools.bytes,
  'pkg-config': SIZE.make.bytes, pkgconf: SIZE.make.bytes, git: SIZE.git.bytes,
  'python3-dev': SIZE.pythonDev.bytes, 'python-dev': SIZE.pythonDev.bytes, 'python3-devel': SIZE.pythonDev.bytes,
};
// Meta-packages that already pull these in: counting them again would inflate the estimate.
const BUNDLED = new Set(['gcc', 'g++', 'gcc-c++', 'make', 'musl-dev', 'libc6-dev', 'libc-dev']);

function plainName(pkg: string): string {
  return pkg.toLowerCase().replace(/[=:<>].*$/, '').replace(/^(gcc|g\+\+|clang|llvm)-\d+$/, '$1');
}

function toolchainSize(name: string): number | null {
  const known = KNOWN[name];
  if (known !== undefined) return known;
  return /-(dev|devel)$/.test(name) || name === 'linux-headers' ? SIZE.devPackage.bytes : null;
}

function packagesOf(c: ShellCommand, table: Readonly<Record<string, readonly string[]>>): string[] {
  const subs = table[c.name];
  const args = argsNoFlags(dropFlagArg(c, ['t', 'virtual', 'repository', 'X', 'enablerepo', 'disablerepo']));
  if (subs === undefined || !subs.includes(args[0] ?? '')) return [];
  return args.slice(1).map(plainName);
}

function estimate(names: readonly string[]): number {
  const meta = names.includes('build-essential') || names.includes('build-base') || names.includes('development tools');
  return names.filter((n) => !(meta && BUNDLED.has(n))).reduce((sum, n) => sum + (toolchainSize(n) ?? 0), 0);
}

export const wh106: Rule = {
  id: 'WH106',
  title: 'Build toolchains belong in a builder stage',
  category: 'size',
  severity: 'warning',
  origin: 'whittle',
  fixable: false,
  check(df) {
    const out: Finding[] = [];
    for (const run of shippedInstructions(df).filter((i) => i.keyword === 'RUN')) {
      const cmds = commandsOf(run);
      // `apk add --virtual .build-deps gcc ... && apk del .build-deps` installs and removes in one layer.
      const removed = new Set(cmds.flatMap((c) => packagesOf(c, REMOVE)));
      const tools = cmds.flatMap((c) => {
        const virtual = c.name === 'apk' ? [...flagArgs(c, 'virtual'), ...flagArgs(c, 't')] : [];
        return virtual.some((v) => removed.has(v)) ? [] : packagesOf(c, INSTALL);
      }).filter((n) => toolchainSize(n) !== null && !removed.has(n));
      const names = [...new Set(tools)];
      if (names.length === 0) continue;
      const bytes = estimate(names);
      out.push(findingAt(wh106, run, `build toolchain installed in a shipped stage: ${names.join(', ')} (est. ${formatEstimate(bytes)}); ` +
        'build in a separate stage and copy only the results, or remove them in this RUN', { bytes }));
    }
    return out;
  },
};
