// Walk a build context the way the builder does: symlinks not followed, `.dockerignore` applied top-down.
import { lstatSync, readdirSync } from 'node:fs';
import type { Dirent, Stats } from 'node:fs';
import type { DirMatch, Matcher } from './dockerignore.js';

export type ContextEntryType = 'file' | 'symlink' | 'other';

/** A non-directory entry of the context; `bytes` is what a tar of it holds (0 for symlinks and devices). */
export interface ContextFile {
  /** Context-relative, `/`-separated. */
  readonly path: string;
  readonly bytes: number;
  readonly type: ContextEntryType;
}

export interface Unreadable {
  readonly path: string;
  readonly reason: string;
  /** Whether the build would send it (an unreadable path that `.dockerignore` excludes is never read). */
  readonly sent: boolean;
}

export interface ContextWalk {
  /** What the build receives, in walk order (names sorted per directory). */
  readonly files: readonly ContextFile[];
  /** What `.dockerignore` kept out (only what could be measured: see `measureExcluded`). */
  readonly excluded: readonly ContextFile[];
  /** Directories the build receives (so empty ones show up), context-relative. */
  readonly dirs: readonly string[];
  readonly unreadable: readonly Unreadable[];
  readonly sizeBytes: number;
  readonly ignoredBytes: number;
}

/** Who reads the files: readability is judged from the lstat mode bits, without opening every file. */
export interface Reader {
  readonly uid: number;
  readonly gids: readonly number[];
}

export interface WalkOptions {
  /** Also walk directories the matcher prunes, to count what `.dockerignore` saves (default true). */
  readonly measureExcluded?: boolean;
  readonly reader?: Reader;
  /**
   * When an excluded directory is skipped whole. `buildkit` (default): unless a `!` pattern could match inside it
   * (the matcher's `skipsDir`). `buildah`: unless a `!` pattern's text starts with the directory's path, the rule of
   * buildah and the classic Docker builder (so after `*`, a `!` pattern starting with a wildcard re-includes nothing).
   */
  readonly pruning?: 'buildkit' | 'buildah';
}

function prunes(matcher: Matcher, dir: string, pruning: 'buildkit' | 'buildah'): boolean {
  if (pruning === 'buildkit') return matcher.skipsDir(dir);
  const slash = `${dir}/`;
  return !matcher.patterns.some((p) => p.exclusion && `${p.text}/`.startsWith(slash));
}

function currentReader(): Reader {
  const uid = process.getuid?.() ?? 0;
  const gids = process.getgroups?.() ?? [];
  return { uid, gids: [process.getgid?.() ?? 0, ...gids] };
}

function canRead(st: Stats, reader: Reader, dir: boolean): boolean {
  if (reader.uid === 0) return true;
  // A directory must also be searchable to be walked.
  const need = dir ? 5 : 4;
  const bits = st.uid === reader.uid ? (st.mode >> 6) & 7 : reader.gids.includes(st.gid) ? (st.mode >> 3) & 7 : st.mode & 7;
  return (bits & need) === need;
}

function typeOf(st: Stats): ContextEntryType {
  if (st.isFile()) return 'file';
  if (st.isSymbolicLink()) return 'symlink';
  return 'other';
}

// Go sorts names bytewise. UTF-16 order is the same except around surrogate pairs (characters above U+FFFF):
// only then is the slower byte comparison needed.
function sortByName(entries: Dirent[]): Dirent[] {
  if (entries.some((e) => /[\uD800-\uDFFF]/.test(e.name))) return entries.sort((a, b) => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)));
  return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Walk `root` applying `matcher` (null: no ignore file). Directories the matcher may skip whole (no later `!`
 * pattern can re-include anything inside) are not matched further; with `measureExcluded` their files are still
 * counted as excluded. Nothing is read but directory listings and lstat results.
 */
export function walkContext(root: string, matcher: Matcher | null, options: WalkOptions = {}): ContextWalk {
  const reader = options.reader ?? currentReader();
  const measure = options.measureExcluded ?? true;
  const pruning = options.pruning ?? 'buildkit';
  const files: ContextFile[] = [];
  const excluded: ContextFile[] = [];
  const dirs: string[] = [];
  const unreadable: Unreadable[] = [];
  let sizeBytes = 0;
  let ignoredBytes = 0;

  const list = (abs: string, rel: string, sent: boolean): Dirent[] | null => {
    try {
      return sortByName(readdirSync(abs, { withFileTypes: true }));
    } catch (e) {
      unreadable.push({ path: rel, reason: reasonOf(e), sent });
      return null;
    }
  };

  // Everything under a pruned directory is excluded: count it without matching.
  const countExcluded = (abs: string, rel: string): void => {
    const entries = list(abs, rel, false);
    if (entries === null) return;
    for (const e of entries) {
      const childAbs = `${abs}/${e.name}`;
      const childRel = `${rel}/${e.name}`;
      if (e.isDirectory()) {
        countExcluded(childAbs, childRel);
        continue;
      }
      const st = e.isFile() || !e.isSymbolicLink() ? lstatOrNull(childAbs) : null;
      if (st?.isDirectory() === true) {
        countExcluded(childAbs, childRel);
        continue;
      }
      const bytes = st?.isFile() === true ? st.size : 0;
      excluded.push({ path: childRel, bytes, type: st === null ? 'symlink' : typeOf(st) });
      ignoredBytes += bytes;
    }
  };

  const visit = (abs: string, dir: DirMatch | null): void => {
    const rel = dir?.path ?? '.';
    const entries = list(abs, rel, true);
    if (entries === null) return;
    for (const e of entries) {
      const childAbs = `${abs}/${e.name}`;
      const childRel = rel === '.' ? e.name : `${rel}/${e.name}`;
      // Only sizes and permission bits need an lstat: a symlink is 0 bytes, and root reads every directory.
      const known = e.isSymbolicLink() || (e.isDirectory() && reader.uid === 0);
      let st: Stats | null = null;
      if (!known) {
        try {
          st = lstatSync(childAbs);
        } catch (err) {
          unreadable.push({ path: childRel, reason: reasonOf(err), sent: true });
          continue;
        }
      }
      const ignored = matcher !== null && dir !== null && matcher.ignoresIn(dir, childRel);
      if (st === null ? e.isDirectory() : st.isDirectory()) {
        if (ignored && matcher !== null && prunes(matcher, childRel, pruning)) {
          if (measure) countExcluded(childAbs, childRel);
          continue;
        }
        if (!ignored) dirs.push(childRel);
        if (st !== null && !canRead(st, reader, true)) {
          if (!ignored) unreadable.push({ path: childRel, reason: 'permission denied', sent: true });
          continue;
        }
        visit(childAbs, matcher === null || dir === null ? { path: childRel, hits: new Uint8Array(0) } : matcher.enterDir(dir, childRel));
        continue;
      }
      const bytes = st?.isFile() === true ? st.size : 0;
      const entry: ContextFile = { path: childRel, bytes, type: st === null ? 'symlink' : typeOf(st) };
      if (ignored) {
        excluded.push(entry);
        ignoredBytes += bytes;
        continue;
      }
      if (st !== null && entry.type === 'file' && !canRead(st, reader, false)) {
        unreadable.push({ path: childRel, reason: 'permission denied', sent: true });
        continue;
      }
      files.push(entry);
      sizeBytes += bytes;
    }
  };

  visit(root, matcher === null ? null : matcher.enterDir(null, '.'));
  return { files, excluded, dirs, unreadable, sizeBytes, ignoredBytes };
}

function lstatOrNull(p: string): Stats | null {
  try {
    return lstatSync(p);
  } catch {
    return null;
  }
}

function reasonOf(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'vanished while walking';
  return (e as Error).message;
}
