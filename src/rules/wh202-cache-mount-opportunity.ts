// WH202: where the syntax allows `RUN --mount=type=cache`, package downloads can survive a cache miss instead of starting over.
import type { ShellCommand } from '../dockerfile/shell.js';
import { argsNoFlags, basename, cmdHasArgs, isPipInstall } from '../dockerfile/shell.js';
import { commandsOf, mountsCacheOn, runs } from './helpers.js';
import type { Finding, Rule } from './rule.js';
import { findingAt } from './rule.js';
import { dockerfileFrontend } from './wh204-buildkit-features-without-syntax.js';

interface Downloader {
  readonly matches: (c: ShellCommand) => boolean;
  /** The mount to suggest first; any cache mount covering one of `dirs` counts. */
  readonly target: string;
  readonly dirs: readonly string[];
}

const first = (c: ShellCommand): string => argsNoFlags(c)[0] ?? '';

const DOWNLOADERS: readonly Downloader[] = [
  { matches: (c) => cmdHasArgs(c, ['apt-get', 'apt'], ['install']), target: '/var/cache/apt', dirs: ['/var/cache/apt/archives'] },
  { matches: (c) => c.name === 'npm' && ['install', 'i', 'ci'].includes(first(c)), target: '/root/.npm', dirs: ['.npm'] },
  { matches: (c) => c.name === 'yarn' && ['', 'install', 'add'].includes(first(c)), target: '/usr/local/share/.cache/yarn',
    dirs: ['/usr/local/share/.cache/yarn', '.cache/yarn', '.yarn/berry/cache'] },
  { matches: (c) => c.name === 'pnpm' && ['install', 'i', 'add'].includes(first(c)), target: '/root/.local/share/pnpm/store',
    dirs: ['.local/share/pnpm/store', '/pnpm/store'] },
  { matches: isPipInstall, target: '/root/.cache/pip', dirs: ['.cache/pip'] },
  { matches: (c) => c.name === 'poetry' && first(c) === 'install', target: '/root/.cache/pypoetry', dirs: ['.cache/pypoetry'] },
  { matches: (c) => c.name === 'uv' && ['sync', 'pip'].includes(first(c)), target: '/root/.cache/uv', dirs: ['.cache/uv'] },
  { matches: (c) => c.name === 'go' && ['build', 'install', 'test', 'mod'].includes(first(c)), target: '/go/pkg/mod', dirs: ['/go/pkg/mod', 'go/pkg/mod'] },
  { matches: (c) => c.name === 'cargo' && ['build', 'fetch', 'install'].includes(first(c)), target: '/usr/local/cargo/registry',
    dirs: ['/usr/local/cargo/registry', '.cargo/registry'] },
  { matches: (c) => ['mvn', 'mvnw'].includes(basename(c.name)), target: '/root/.m2', dirs: ['.m2'] },
  { matches: (c) => ['gradle', 'gradlew'].includes(basename(c.name)), target: '/root/.gradle', dirs: ['.gradle'] },
];

export const wh202: Rule = {
  id: 'WH202',
  title: 'Use a cache mount for package downloads',
  category: 'cache',
  severity: 'info',
  origin: 'whittle',
  fixable: false,
  check(df) {
    const frontend = dockerfileFrontend(df);
    // Cache mounts are stable from docker/dockerfile:1.2.
    if (frontend === null || (frontend.major === 1 && frontend.minor < 2) || frontend.major < 1) return [];
    const out: Finding[] = [];
    for (const run of runs(df)) {
      const missing = DOWNLOADERS.flatMap((d) => {
        const cmd = commandsOf(run).find(d.matches);
        return cmd !== undefined && !d.dirs.some((dir) => mountsCacheOn(run, dir)) ? [{ cmd, d }] : [];
      });
      const firstMissing = missing[0];
      if (firstMissing === undefined) continue;
      const mounts = missing.map((m) => `\`--mount=type=cache,target=${m.d.target}\``).join(' ');
      out.push(findingAt(wh202, run, `\`${firstMissing.cmd.text}\` downloads everything again whenever this step re-runs: add ${mounts}`,
        { cacheImpact: 'each cache miss on this step downloads every package again' }));
    }
    return out;
  },
};
