// WH100: npm, pnpm and yarn (berry) keep a download cache that ships in the layer unless the same RUN clears it.
import type { Instruction } from '../dockerfile/model.js';
import type { ShellCommand } from '../dockerfile/shell.js';
import { argsNoFlags, flagArgs, hasFlag } from '../dockerfile/shell.js';
import { appendToRun, commandsOf, mountsCacheOn, removesPath, shippedInstructions } from './helpers.js';
import type { Finding, Rule } from './rule.js';
import { findingAt } from './rule.js';
import type { SizeEstimate } from './size-estimates.js';
import { SIZE, formatEstimate } from './size-estimates.js';

interface Manager {
  readonly name: string;
  readonly installs: (c: ShellCommand) => boolean;
  readonly cleans: (c: ShellCommand) => boolean;
  /** Home-relative or absolute cache directories; removing or cache-mounting any of them counts. */
  readonly dirs: readonly string[];
  readonly cleanup: string;
  readonly size: SizeEstimate;
}

const sub = (c: ShellCommand): string => argsNoFlags(c)[0] ?? '';

const MANAGERS: readonly Manager[] = [
  {
    name: 'npm',
    installs: (c) => c.name === 'npm' && ['install', 'i', 'ci', 'add'].includes(sub(c)),
    cleans: (c) => c.name === 'npm' && sub(c) === 'cache' && argsNoFlags(c)[1] === 'clean',
    dirs: ['.npm'],
    cleanup: 'npm cache clean --force',
    size: SIZE.npmCache,
  },
  {
    name: 'pnpm',
    installs: (c) => c.name === 'pnpm' && ['install', 'i', 'add'].includes(sub(c)),
    cleans: (c) => c.name === 'pnpm' && sub(c) === 'store' && argsNoFlags(c)[1] === 'prune',
    dirs: ['.local/share/pnpm', '.pnpm-store', '/pnpm'],
    cleanup: 'pnpm store prune',
    size: SIZE.pnpmStore,
  },
  {
    // Only berry's own spellings: classic `yarn install` is hadolint's DL3060.
    name: 'yarn',
    installs: (c) => c.name === 'yarn' && ['', 'install'].includes(sub(c)) && hasFlag(c, 'immutable'),
    cleans: (c) => c.name === 'yarn' && sub(c) === 'cache' && argsNoFlags(c)[1] === 'clean',
    dirs: ['.yarn/berry/cache', '.yarn/cache', '.cache/yarn'],
    cleanup: 'yarn cache clean --all',
    size: SIZE.yarnCache,
  },
];

// Home-relative cache dirs are shown as the user would type them.
const shown = (dir: string): string => (dir.startsWith('/') ? dir : `~/${dir}`);

function leftBehind(run: Instruction, m: Manager): ShellCommand | undefined {
  const cmds = commandsOf(run);
  const install = cmds.find(m.installs);
  if (install === undefined) return undefined;
  // `npm ci --cache /tmp/npm` (or npm_config_cache=...) moves the cache: that directory is the one to clear.
  const moved = [...flagArgs(install, 'cache'), ...install.assignments.filter((a) => /^npm_config_cache=/i.test(a)).map((a) => a.slice(a.indexOf('=') + 1))];
  const kept = [...m.dirs, ...moved].some((d) => mountsCacheOn(run, d) || removesPath(run, d));
  return kept || cmds.slice(cmds.indexOf(install)).some(m.cleans) ? undefined : install;
}

export const wh100: Rule = {
  id: 'WH100',
  title: 'Clear the npm/pnpm/yarn cache in the RUN that installs',
  category: 'size',
  severity: 'warning',
  origin: 'whittle',
  aliases: ['DL3060'],
  fixable: true,
  check(df) {
    const out: Finding[] = [];
    for (const run of shippedInstructions(df).filter((i) => i.keyword === 'RUN')) {
      for (const m of MANAGERS) {
        const install = leftBehind(run, m);
        if (install === undefined) continue;
        const fix = m.name === 'npm' ? appendToRun(df, run, m.cleanup) : null;
        out.push(findingAt(wh100, run, `\`${install.text}\` leaves the ${m.name} cache in this layer (est. ${formatEstimate(m.size.bytes)}): ` +
          `add \`${m.cleanup}\` to this RUN or mount a cache on ${shown(m.dirs[0] ?? '')}`, { bytes: m.size.bytes, ...(fix ? { fix: [fix] } : {}) }));
      }
    }
    return out;
  },
};
