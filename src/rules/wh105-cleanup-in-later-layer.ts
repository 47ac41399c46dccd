// WH105: a cache cleanup in a later RUN than the install that filled the cache saves nothing: the earlier layer keeps the bytes.
import type { Instruction } from '../dockerfile/model.js';
import type { ShellCommand } from '../dockerfile/shell.js';
import { argsNoFlags, cmdHasArgs, hasFlag, isPipInstall } from '../dockerfile/shell.js';
import { commandsOf, coversPath, mountsCacheOn, shippedStages } from './helpers.js';
import type { Finding, Rule } from './rule.js';
import { findingAt } from './rule.js';
import type { SizeEstimate } from './size-estimates.js';
import { SIZE, formatEstimate } from './size-estimates.js';

interface CacheKind {
  readonly what: string;
  readonly dirs: readonly string[];
  readonly fills: (c: ShellCommand) => boolean;
  /** A cleanup command other than `rm` of one of `dirs`. */
  readonly clears: (c: ShellCommand) => boolean;
  /** Null where the bytes may not be there at all (see the apt archives). */
  readonly size: SizeEstimate | null;
}

const sub = (c: ShellCommand): string => argsNoFlags(c).slice(0, 2).join(' ');
const APT = ['apt-get', 'apt'];
const RPM = ['yum', 'dnf', 'microdnf'];

const KINDS: readonly CacheKind[] = [
  { what: 'apt package lists', dirs: ['/var/lib/apt/lists'], size: SIZE.aptLists,
    fills: (c) => cmdHasArgs(c, APT, ['update']), clears: () => false },
  // Debian and Ubuntu images delete downloaded .debs after each install (apt.conf.d/docker-clean): no estimate.
  { what: 'downloaded .deb archives', dirs: ['/var/cache/apt/archives'], size: null,
    fills: (c) => cmdHasArgs(c, APT, ['install']), clears: (c) => cmdHasArgs(c, APT, ['clean']) },
  { what: 'apk cache', dirs: ['/var/cache/apk'], size: SIZE.apkCache,
    fills: (c) => cmdHasArgs(c, 'apk', ['add', 'update']) && !hasFlag(c, 'no-cache'), clears: (c) => sub(c) === 'cache clean' && c.name === 'apk' },
  { what: 'npm cache', dirs: ['.npm'], size: SIZE.npmCache,
    fills: (c) => c.name === 'npm' && ['install', 'i', 'ci'].includes(argsNoFlags(c)[0] ?? ''), clears: (c) => c.name === 'npm' && sub(c) === 'cache clean' },
  { what: 'pip cache', dirs: ['.cache/pip'], size: SIZE.pipCache,
    fills: (c) => isPipInstall(c) && !hasFlag(c, 'no-cache-dir'), clears: (c) => c.name.startsWith('pip') && sub(c) === 'cache purge' },
  { what: 'yum/dnf metadata and packages', dirs: ['/var/cache/yum', '/var/cache/dnf'], size: SIZE.yumCache,
    fills: (c) => cmdHasArgs(c, RPM, ['install', 'update', 'upgrade']), clears: (c) => RPM.includes(c.name) && sub(c) === 'clean all' },
];

function clears(run: Instruction, kind: CacheKind): ShellCommand | undefined {
  const removes = (c: ShellCommand): boolean =>
    c.name === 'rm' && c.args.some((a) => !a.value.startsWith('-') && kind.dirs.some((d) => coversPath(a.value, d)));
  return commandsOf(run).find((c) => removes(c) || kind.clears(c));
}

function keepsCache(run: Instruction, kind: CacheKind): ShellCommand | undefined {
  const fill = commandsOf(run).find(kind.fills);
  if (fill === undefined || clears(run, kind) !== undefined || kind.dirs.some((d) => mountsCacheOn(run, d))) return undefined;
  return fill;
}

export const wh105: Rule = {
  id: 'WH105',
  title: 'Clean up in the RUN that made the mess',
  category: 'size',
  severity: 'warning',
  origin: 'whittle',
  fixable: false,
  check(df) {
    const out: Finding[] = [];
    const earlier: Instruction[] = [];
    for (const run of shippedStages(df).flatMap((s) => s.instructions).filter((i) => i.keyword === 'RUN')) {
      for (const kind of KINDS) {
        const cleanup = clears(run, kind);
        if (cleanup === undefined || commandsOf(run).some(kind.fills)) continue;
        const sources = earlier.filter((e) => keepsCache(e, kind) !== undefined);
        const last = sources[sources.length - 1];
        if (last === undefined) continue;
        const lines = sources.map((s) => s.span.line).join(', ');
        out.push(findingAt(wh105, run, `\`${cleanup.text}\` on line ${run.span.line} frees nothing: the ${kind.what} come from ` +
          `\`${keepsCache(last, kind)?.text ?? ''}\` on line${sources.length > 1 ? 's' : ''} ${lines}, whose layer keeps them` +
          `${kind.size === null ? '' : ` (est. ${formatEstimate(kind.size.bytes)})`}; clean up in that RUN instead`,
        kind.size === null ? {} : { bytes: kind.size.bytes }));
      }
      earlier.push(run);
    }
    return out;
  },
};
