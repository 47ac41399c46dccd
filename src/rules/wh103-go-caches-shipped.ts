// WH103: `go build` and `go mod download` fill the module and build caches, which ship unless a builder stage or a cache mount keeps them out.
import type { Instruction } from '../dockerfile/model.js';
import type { ShellCommand } from '../dockerfile/shell.js';
import { argsNoFlags } from '../dockerfile/shell.js';
import { commandsOf, mountsCacheOn, removesPath, shippedInstructions } from './helpers.js';
import type { Finding, Rule } from './rule.js';
import { findingAt } from './rule.js';
import { SIZE, formatEstimate } from './size-estimates.js';

// Go flags are single-dash words (`-modcache`), not letter bundles, so they are matched whole.
// Default GOMODCACHE in the golang images, and the home-relative default elsewhere; GOCACHE likewise.
const MOD_DIRS = ['/go/pkg/mod', 'go/pkg/mod'];
const BUILD_DIRS = ['.cache/go-build', '/tmp/go-build'];
const DOWNLOADS = new Set(['build', 'install', 'test', 'run', 'get', 'vet', 'generate']);
const COMPILES = new Set(['build', 'install', 'test', 'run', 'vet']);

const goSub = (c: ShellCommand): string => (c.name === 'go' ? argsNoFlags(c).join(' ') : '');

function kept(run: Instruction, dirs: readonly string[], clean: string): boolean {
  return dirs.some((d) => mountsCacheOn(run, d) || removesPath(run, d)) ||
    commandsOf(run).some((c) => goSub(c).startsWith('clean') && c.args.some((a) => a.value === `-${clean}`));
}

function leftCaches(run: Instruction): string[] {
  const subs = commandsOf(run).map(goSub).filter((s) => s !== '');
  const first = (s: string): string => s.split(' ')[0] ?? '';
  const mod = subs.some((s) => s.startsWith('mod download') || DOWNLOADS.has(first(s))) && !kept(run, MOD_DIRS, 'modcache');
  const build = subs.some((s) => COMPILES.has(first(s))) && !kept(run, BUILD_DIRS, 'cache');
  return [mod ? 'module cache (/go/pkg/mod)' : '', build ? 'build cache (~/.cache/go-build)' : ''].filter((s) => s !== '');
}

export const wh103: Rule = {
  id: 'WH103',
  title: 'Keep Go module and build caches out of the shipped image',
  category: 'size',
  severity: 'warning',
  origin: 'whittle',
  fixable: false,
  check(df) {
    const out: Finding[] = [];
    for (const run of shippedInstructions(df).filter((i) => i.keyword === 'RUN')) {
      const left = leftCaches(run);
      if (left.length === 0) continue;
      const bytes = (left.some((l) => l.startsWith('module')) ? SIZE.goModCache.bytes : 0) +
        (left.some((l) => l.startsWith('build')) ? SIZE.goBuildCache.bytes : 0);
      out.push(findingAt(wh103, run, `this RUN leaves the Go ${left.join(' and ')} in a shipped layer (est. ${formatEstimate(bytes)}): ` +
        'build in a separate stage and copy only the binary, or use `--mount=type=cache` on those directories', { bytes }));
    }
    return out;
  },
};
