// FromPlatformFlagConstDisallowed (BuildKit): a constant `FROM --platform` pins the stage to one platform, unless
// the stage's name says that is the point (`AS build-arm64`).
import { unquote } from './buildkit.js';
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';

const OSES = ['aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'illumos', 'ios', 'js', 'linux', 'netbsd', 'openbsd', 'plan9', 'solaris', 'wasip1', 'windows'];
const ARCHES: Readonly<Record<string, string>> = {
  'x86_64': 'amd64', 'x86-64': 'amd64', amd64: 'amd64', aarch64: 'arm64', arm64: 'arm64', armhf: 'arm', armel: 'arm', arm: 'arm',
  i386: '386', i486: '386', i586: '386', i686: '386', '386': '386', ppc64le: 'ppc64le', ppc64: 'ppc64', s390x: 's390x',
  riscv64: 'riscv64', mips64le: 'mips64le', mips64: 'mips64', mipsle: 'mipsle', mips: 'mips', loong64: 'loong64', wasm: 'wasm',
};

/** os and architecture as containerd normalises them, or null where BuildKit would fail on the platform itself. */
function parsePlatform(spec: string): { os: string; arch: string } | null {
  if (!/^[A-Za-z0-9_.\-/]+$/.test(spec)) return null;
  const parts = spec.toLowerCase().split('/');
  const [first = '', second] = parts;
  if (parts.length > 3 || parts.some((p) => p === '')) return null;
  // One word is an OS or an architecture; the other half is then the builder's own (we take linux/amd64).
  if (second === undefined) {
    if (OSES.includes(first)) return { os: first, arch: 'amd64' };
    const arch = ARCHES[first];
    return arch === undefined ? null : { os: 'linux', arch };
  }
  return { os: first === 'macos' ? 'darwin' : first, arch: ARCHES[second] ?? second };
}

export const fromPlatformFlagConstDisallowed: Rule = {
  id: 'FromPlatformFlagConstDisallowed',
  title: 'FROM --platform flag should not use a constant value',
  category: 'correctness',
  severity: 'warning',
  origin: 'buildkit',
  aliases: ['DL3029'],
  fixable: false,
  check(df) {
    return df.instructions
      .filter((ins) => ins.keyword === 'FROM' && ins.from?.platform != null)
      .flatMap((ins) => {
        const value = unquote(ins.from?.platform ?? '');
        if (value.includes('$')) return [];
        const p = parsePlatform(value);
        const stage = (ins.from?.alias ?? '').toLowerCase();
        if (p === null || stage.includes(p.os) || stage.includes(p.arch)) return [];
        return [findingAt(fromPlatformFlagConstDisallowed, ins, `FROM --platform flag should not use constant value ${JSON.stringify(value)}`)];
      });
  },
};
