// bench/context: whittle's context walk + .dockerignore match over 200,000 files and a 300-line ignore file,
// against `tar -c` of the same directory to /dev/null; and the matcher's pattern evaluations per second.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseDockerignore } from '../src/context/dockerignore.js';
import { walkContext } from '../src/context/walk.js';
import { measure, ratio } from './measure.js';
import type { RatioResult } from './measure.js';

const EXTS = ['js', 'ts', 'json', 'md', 'log', 'png', 'go', 'py', 'pyc', 'txt'];

/** 200 packages x 10 directories x 100 files: source, tests, docs, node_modules, caches. */
function makeContext(dir: string): number {
  const kinds = ['src', 'lib', 'test', 'docs', 'node_modules/dep', 'build', '__pycache__', 'assets/img', 'vendor/x', '.cache'];
  let n = 0;
  for (let p = 0; p < 200; p++) {
    for (const k of kinds) {
      const sub = path.join(dir, `pkg-${p}`, k);
      mkdirSync(sub, { recursive: true });
      for (let f = 0; f < 100; f++) {
        writeFileSync(path.join(sub, `file-${f}.${EXTS[f % EXTS.length] ?? 'txt'}`), '');
        n++;
      }
    }
  }
  return n;
}

/** 300 lines of the kinds real ignore files hold: names, globs, anchored dirs, `**`, classes and exceptions. */
export function ignoreLines(): string[] {
  const lines: string[] = ['# generated for the benchmark', '.git', '**/node_modules', '**/__pycache__', '**/*.pyc', '**/.cache', '*.md', '!README.md'];
  for (let i = 0; lines.length < 300; i++) {
    switch (i % 10) {
      case 0: lines.push(`pkg-${i}/build`); break;
      case 1: lines.push(`**/*.tmp${i}`); break;
      case 2: lines.push(`pkg-${i}/docs/**`); break;
      case 3: lines.push(`!pkg-${i - 1}/docs/file-${i % 100}.md`); break;
      case 4: lines.push(`**/file-${i % 100}.log`); break;
      case 5: lines.push(`pkg-[0-9]${i % 10}/test/*.snap`); break;
      case 6: lines.push(`vendor-${i}`); break;
      case 7: lines.push(`**/coverage-${i}`); break;
      case 8: lines.push(`pkg-${i}/assets/img/*.png`); break;
      default: lines.push(`*.bak${i}`);
    }
  }
  return lines;
}

export async function contextBench(): Promise<RatioResult[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'whittle-context-bench-'));
  try {
    const made = makeContext(dir);
    const text = `${ignoreLines().join('\n')}\n`;
    const m = parseDockerignore(text, '.dockerignore');
    if (!m.ok) throw m.error;
    const matcher = m.value;
    let sent = 0;
    const whittle = await measure(`whittle walk + match (${made} files, ${matcher.patterns.length} patterns)`, () => {
      sent = walkContext(dir, matcher).files.length;
    }, { warmup: 1, runs: 5 });
    const tar = await measure('tar -c of the same directory to /dev/null', () => {
      const r = spawnSync('tar', ['-cf', '/dev/null', '-C', dir, '.'], { stdio: 'ignore' });
      if (r.status !== 0) throw new Error(`tar exited ${r.status}`);
    }, { warmup: 1, runs: 5 });
    console.log(`context: ${made} files, ${sent} sent after the ignore file`);

    // The matcher alone: every path against every pattern, as `ignores` does it (parents included).
    const paths: string[] = [];
    for (let p = 0; p < 200; p++) for (const k of ['src', 'test', 'docs']) for (let f = 0; f < 100; f++) paths.push(`pkg-${p}/${k}/file-${f}.${EXTS[f % EXTS.length] ?? 'txt'}`);
    let excluded = 0;
    const match = await measure('matcher.ignores over 60,000 paths', () => {
      excluded = paths.filter((p) => matcher.ignores(p)).length;
    }, { warmup: 1, runs: 5 });
    const perSecond = (paths.length * matcher.patterns.length) / (match.medianMs / 1000);
    console.log(`matcher.ignores: ${(perSecond / 1e6).toFixed(1)} M pattern evaluations/s (${paths.length} paths x ${matcher.patterns.length} patterns, ${excluded} excluded); ${(paths.length / (match.medianMs / 1000) / 1e3).toFixed(0)} k paths/s`);
    // The walker's path: directory state computed once, each file matched against the patterns that can apply.
    let excludedFast = 0;
    const fast = await measure('matcher.enterDir + ignoresIn over the same paths', () => {
      excludedFast = 0;
      const rootState = matcher.enterDir(null, '.');
      const dirs = new Map<string, ReturnType<typeof matcher.enterDir>>();
      for (const p of paths) {
        const d = p.slice(0, p.lastIndexOf('/'));
        let state = dirs.get(d);
        if (state === undefined) {
          const pkg = d.slice(0, d.indexOf('/'));
          state = matcher.enterDir(matcher.enterDir(rootState, pkg), d);
          dirs.set(d, state);
        }
        if (matcher.ignoresIn(state, p)) excludedFast++;
      }
    }, { warmup: 1, runs: 5 });
    if (excludedFast !== excluded) throw new Error(`fast path excluded ${excludedFast}, ignores ${excluded}`);
    const fastPerSecond = (paths.length * matcher.patterns.length) / (fast.medianMs / 1000);
    console.log(`walker matcher: ${(fastPerSecond / 1e6).toFixed(0)} M pattern evaluations/s equivalent; ${(paths.length / (fast.medianMs / 1000) / 1e6).toFixed(2)} M paths/s`);
    // Goal: no slower than tar. Not met: both are bound by lstat (40-50% of whittle's profile), and Node's bare
    // readdirSync + lstatSync loop alone measured 1.3x tar here; whittle's walk + match measured 1.4x-2.4x on a
    // shared 2-core machine. The limit guards against regressions; it does not assert the goal.
    return [ratio(whittle, tar, 2.5)];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
