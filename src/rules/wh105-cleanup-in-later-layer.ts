// WH105: a cache cleanup in a later RUN than the install that filled the cache saves nothing: the earlier layer keeps the bytes.
import type { Dockerfile, Instruction } from '../dockerfile/model.js';
import type { ShellCommand } from '../dockerfile/shell.js';
import { argsNoFlags, cmdHasArgs, hasFlag, isPipInstall } from '../dockerfile/shell.js';
import { appendToRun, commandsOf, coversPath, mountsCacheOn, shippedStages } from './helpers.js';
import type { Finding, Rule, TextEdit } from './rule.js';
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

/**
 * Move the cleanup into the one RUN that filled the cache: append it there, and drop the later RUN when the
 * cleanup was all it did. Not when a RUN in between runs the same tool, which may still need the cache.
 */
function moveFix(df: Dockerfile, source: Instruction, later: Instruction, cleanup: ShellCommand, fill: ShellCommand, all: readonly Instruction[]): TextEdit[] {
  if (source.isTrigger || later.isTrigger) return [];
  const between = all.filter((i) => i.span.start > source.span.start && i.span.start < later.span.start);
  if (between.some((i) => commandsOf(i).some((c) => c.name === fill.name || (APT.includes(c.name) && APT.includes(fill.name))))) return [];
  const append = appendToRun(df, source, cleanup.text);
  if (append === null) return [];
  if (commandsOf(later).length !== 1 || later.flags.length > 0 || later.heredocs.length > 0) return [append];
  let end = later.span.end;
  if (df.source.startsWith('\r\n', end)) end += 2;
  else if (df.source[end] === '\n') end += 1;
  return [append, { start: later.span.start, end, text: '' }];
}

export const wh105: Rule = {
  id: 'WH105',
  title: 'Clean up in the RUN that made the mess',
  category: 'size',
  severity: 'warning',
  origin: 'whittle',
  fixable: true,
  check(df) {
    const out: Finding[] = [];
    const earlier: Instruction[] = [];
    const all = shippedStages(df).flatMap((s) => s.instructions).filter((i) => i.keyword === 'RUN');
    for (const run of all) {
      for (const kind of KINDS) {
        const cleanup = clears(run, kind);
        if (cleanup === undefined || commandsOf(run).some(kind.fills)) continue;
        const sources = earlier.filter((e) => keepsCache(e, kind) !== undefined);
        const last = sources[sources.length - 1];
        if (last === undefined) continue;
        const lines = sources.map((s) => s.span.line).join(', ');
        const fill = keepsCache(last, kind);
        const fix = sources.length === 1 && fill !== undefined ? moveFix(df, last, run, cleanup, fill, all) : [];
        out.push(findingAt(wh105, run, `\`${cleanup.text}\` on line ${run.span.line} frees nothing: the ${kind.what} come from ` +
          `\`${keepsCache(last, kind)?.text ?? ''}\` on line${sources.length > 1 ? 's' : ''} ${lines}, whose layer keeps them` +
          `${kind.size === null ? '' : ` (est. ${formatEstimate(kind.size.bytes)})`}; clean up in that RUN instead`,
        { ...(kind.size === null ? {} : { bytes: kind.size.bytes }), ...(fix.length > 0 ? { fix } : {}) }));
      }
      earlier.push(run);
    }
    return out;
  },
};
