// DL3020: ADD of a plain local file does what COPY does, with archive and URL magic nobody asked for.
import type { Dockerfile, Instruction } from '../dockerfile/model.js';
import { withKeyword } from './helpers.js';
import type { Rule, TextEdit } from './rule.js';
import { findingAt } from './rule.js';

// The suffixes hadolint treats as archives ADD would unpack (it does not look inside the file).
const ARCHIVES = [
  '.tar', '.Z', '.bz2', '.gz', '.lz', '.lzma', '.tZ', '.tb2', '.tbz', '.tbz2', '.tgz', '.tlz', '.tpz', '.txz', '.xz',
];
// Flags COPY accepts with the same meaning; ADD's own (--checksum, --keep-git-dir, --unpack) block the fix.
const COPY_FLAGS = new Set(['chown', 'chmod', 'link']);

function dropQuotes(s: string): string {
  return s.replace(/^["']+|["']+$/g, '');
}

function isArchive(src: string): boolean {
  const s = dropQuotes(src);
  return ARCHIVES.some((ext) => s.endsWith(ext));
}

function isUrl(src: string): boolean {
  const s = dropQuotes(src);
  return s.startsWith('https://') || s.startsWith('http://');
}

// ADD -> COPY only where the sources are surely local files: a variable could name an archive, and a
// git remote (`git@host:repo`) or any other scheme is something only ADD can fetch.
function fix(df: Dockerfile, ins: Instruction): readonly TextEdit[] | undefined {
  const sources = ins.copy?.sources ?? [];
  // One archive among other sources still gets unpacked by ADD: COPY would ship the archive instead.
  const plainLocal = sources.every((s) => !s.includes('$') && !s.includes('://') && !s.startsWith('git@') && !isArchive(s));
  if (!plainLocal || ins.flags.some((f) => !COPY_FLAGS.has(f.name))) return undefined;
  const keyword = df.source.slice(ins.span.start, ins.span.start + 3);
  if (keyword.toUpperCase() !== 'ADD') return undefined;
  const text = keyword === keyword.toLowerCase() ? 'copy' : 'COPY';
  return [{ start: ins.span.start, end: ins.span.start + 3, text }];
}

export const dl3020: Rule = {
  id: 'DL3020',
  title: 'Use COPY instead of ADD for files and folders',
  category: 'correctness',
  severity: 'error',
  origin: 'hadolint',
  fixable: true,
  check(df) {
    // hadolint does not look at ONBUILD triggers for this rule.
    return withKeyword(df, 'ADD', { triggers: false })
      .filter((ins) => !(ins.copy?.sources ?? []).every((s) => isArchive(s) || isUrl(s)))
      .map((ins) => {
        const edits = fix(df, ins);
        return findingAt(dl3020, ins, 'Use COPY, not ADD, to copy local files and folders', edits ? { fix: edits } : {});
      });
  },
};
