// whittle's exact overlay accounting: bytes layers store that the final filesystem never shows (specs/dive-compat.md §4).
import type { EntryType } from '../image/model.js';

const WHITEOUT = '.wh.';
const OPAQUE = '.wh..wh..opq';

export type DeadReason = 'deleted' | 'opaque' | 'type-change' | 'metadata-only' | 'overwritten';

export interface ReclaimableFile {
  readonly path: string;
  readonly layer: number;
  readonly bytes: number;
  readonly reason: DeadReason;
}

export interface DuplicateGroup {
  readonly sha256: string;
  readonly bytes: number;
  readonly copies: number;
  readonly paths: readonly string[];
  readonly extraBytes: number;
}

export interface Reclaimable {
  readonly layerContentBytes: number;
  readonly finalVisibleBytes: number;
  readonly bytes: number;
  readonly byLayer: readonly { readonly index: number; readonly bytes: number }[];
  readonly files: readonly ReclaimableFile[];
  /** null when bodies were not hashed. */
  readonly metadataOnlyBytes: number | null;
  readonly duplicates: readonly DuplicateGroup[] | null;
  readonly duplicateBytes: number | null;
}

/** What the accounting reads of an entry; `sha256` (hex) for regular files when bodies were hashed. */
export interface ReclaimEntry {
  readonly path: string;
  readonly type: EntryType;
  readonly size: number;
  readonly linkname: string | null;
  readonly sha256?: string | null;
}

// Hundreds of thousands of these live at once: no path strings (a path is rebuilt from parents when printed)
// and digests as 32-character binary strings rather than 64 hex characters.
interface Content {
  readonly bytes: number;
  readonly layer: number;
  /** Where it was written; the node stays reachable upward even after it is unlinked. */
  readonly node: RNode;
  /** The raw digest as a latin1 string, or null. */
  readonly sha: string | null;
  refs: number;
  reason: DeadReason | null;
}

class RNode {
  children: Map<string, RNode> | null = null;
  kind: 'dir' | 'file' | 'other' | null = null;
  content: Content | null = null;
  constructor(readonly name: string, readonly parent: RNode | null) {}

  path(): string {
    const parts: string[] = [this.name];
    for (let n = this.parent; n !== null && n.parent !== null; n = n.parent) parts.push(n.name);
    return `/${parts.reverse().join('/')}`;
  }

  child(name: string): RNode {
    let c = this.children?.get(name);
    if (c === undefined) {
      c = new RNode(name, this);
      (this.children ??= new Map()).set(name, c);
    }
    return c;
  }
}

const packSha = (hex: string | null | undefined): string | null => (hex == null ? null : Buffer.from(hex, 'hex').toString('latin1'));
const hexSha = (packed: string): string => Buffer.from(packed, 'latin1').toString('hex');

function byteCompare(a: string, b: string): number {
  if (a === b) return 0;
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/**
 * The final view with a content object per regular-file entry. Feed a layer's entries with `add`, then
 * `finishLayer`: deletions of a layer hit only what lower layers left, so a layer is applied at its end.
 */
export class ReclaimAccumulator {
  private readonly root = new RNode('', null);
  private readonly contents: Content[] = [];
  private pending: ReclaimEntry[] = [];
  private layer = 0;
  private hashed = true;

  constructor(options: { hashed?: boolean } = {}) {
    this.root.kind = 'dir';
    this.hashed = options.hashed ?? true;
  }

  add(e: ReclaimEntry): void {
    this.pending.push(e);
  }

  private find(parts: readonly string[]): RNode | null {
    let n: RNode | undefined = this.root;
    for (const p of parts) {
      n = n.children?.get(p);
      if (n === undefined) return null;
    }
    return n;
  }

  private unref(c: Content | null, reason: DeadReason): void {
    if (c === null) return;
    c.refs--;
    if (c.refs === 0) c.reason = reason;
  }

  /** Drops every reference at and (with `self`) under a node. */
  private clear(n: RNode, reason: DeadReason, self: boolean): void {
    if (n.children !== null) {
      for (const c of n.children.values()) this.clear(c, reason, true);
      n.children = null;
    }
    if (self) {
      this.unref(n.content, reason);
      n.content = null;
      n.kind = null;
    }
  }

  finishLayer(): void {
    const entries = this.pending;
    this.pending = [];
    for (const e of entries) {
      const parts = e.path.split('/');
      const name = parts.pop() as string;
      if (name === OPAQUE) {
        const dir = this.find(parts);
        if (dir !== null) this.clear(dir, 'opaque', false);
      } else if (name.startsWith(WHITEOUT)) {
        const parent = this.find(parts);
        const target = parent?.children?.get(name.slice(WHITEOUT.length));
        if (parent !== null && target !== undefined) {
          this.clear(target, 'deleted', true);
          parent.children?.delete(name.slice(WHITEOUT.length));
        }
      }
    }
    for (const e of entries) {
      const parts = e.path.split('/');
      const name = parts[parts.length - 1] as string;
      if (name.startsWith(WHITEOUT)) continue;
      let n = this.root;
      for (const p of parts.slice(0, -1)) {
        const c = n.child(p);
        if (c.kind === null) c.kind = 'dir';
        else if (c.kind !== 'dir') {
          // A file where a directory must be: extraction replaces it.
          this.clear(c, 'overwritten', true);
          c.kind = 'dir';
        }
        n = c;
      }
      const node = n.child(name);
      if (e.type === 'directory') {
        if (node.kind !== 'dir') {
          this.clear(node, 'overwritten', true);
          node.kind = 'dir';
        }
        continue;
      }
      if (node.kind === 'dir') this.clear(node, 'type-change', true);
      let next: Content | null = null;
      if (e.type === 'file') {
        next = { bytes: e.size, layer: this.layer, node, sha: packSha(e.sha256), refs: 0, reason: null };
        this.contents.push(next);
      } else if (e.type === 'hardlink' && e.linkname !== null) {
        next = this.find(e.linkname.split('/'))?.content ?? null;
      }
      const old = node.content;
      if (old !== next) {
        if (next !== null) next.refs++;
        const same = old !== null && next !== null && this.hashed && e.type === 'file' && old.sha !== null && old.sha === next.sha;
        this.unref(old, same ? 'metadata-only' : 'overwritten');
      }
      node.content = next;
      node.kind = e.type === 'file' || e.type === 'hardlink' ? 'file' : 'other';
    }
    this.layer++;
  }

  result(): Reclaimable {
    let layerContentBytes = 0;
    let finalVisibleBytes = 0;
    const files: ReclaimableFile[] = [];
    const byLayer = new Map<number, number>();
    for (const c of this.contents) {
      layerContentBytes += c.bytes;
      if (c.refs > 0) finalVisibleBytes += c.bytes;
      else if (c.bytes > 0) {
        files.push({ path: c.node.path(), layer: c.layer, bytes: c.bytes, reason: c.reason ?? 'overwritten' });
        byLayer.set(c.layer, (byLayer.get(c.layer) ?? 0) + c.bytes);
      }
    }
    files.sort((a, b) => b.bytes - a.bytes || byteCompare(a.path, b.path) || a.layer - b.layer);
    let duplicates: DuplicateGroup[] | null = null;
    if (this.hashed) {
      const groups = new Map<string, { objects: Set<Content>; paths: string[] }>();
      const visit = (n: RNode, path: string): void => {
        const c = n.content;
        if (c !== null && c.sha !== null && c.bytes > 0) {
          let g = groups.get(c.sha);
          if (g === undefined) groups.set(c.sha, (g = { objects: new Set(), paths: [] }));
          g.objects.add(c);
          g.paths.push(path);
        }
        if (n.children !== null) for (const [k, v] of n.children) visit(v, `${path}/${k}`);
      };
      visit(this.root, '');
      duplicates = [];
      for (const [sha, g] of groups) {
        if (g.objects.size < 2) continue;
        const sha256 = hexSha(sha);
        const bytes = [...g.objects][0]?.bytes ?? 0;
        duplicates.push({ sha256, bytes, copies: g.objects.size, paths: g.paths.sort(byteCompare), extraBytes: (g.objects.size - 1) * bytes });
      }
      duplicates.sort((a, b) => b.extraBytes - a.extraBytes || (a.sha256 < b.sha256 ? -1 : a.sha256 > b.sha256 ? 1 : 0));
    }
    const metadataOnly = files.filter((f) => f.reason === 'metadata-only').reduce((n, f) => n + f.bytes, 0);
    return {
      layerContentBytes,
      finalVisibleBytes,
      bytes: layerContentBytes - finalVisibleBytes,
      byLayer: [...byLayer].sort((a, b) => a[0] - b[0]).map(([index, bytes]) => ({ index, bytes })),
      files,
      metadataOnlyBytes: this.hashed ? metadataOnly : null,
      duplicates,
      duplicateBytes: duplicates === null ? null : duplicates.reduce((n, d) => n + d.extraBytes, 0),
    };
  }
}

/** The accounting for layers given as entry lists, in manifest order. */
export function reclaimable(layers: Iterable<Iterable<ReclaimEntry>>, options: { hashed?: boolean } = {}): Reclaimable {
  const acc = new ReclaimAccumulator(options);
  for (const l of layers) {
    for (const e of l) acc.add(e);
    acc.finishLayer();
  }
  return acc.result();
}
