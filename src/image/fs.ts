// The merged filesystem of layers 0..n with overlay semantics, the history of every path, and per-layer sizes.
import type { EntryType, Image, TarEntry } from './model.js';

export type Change = 'added' | 'replaced' | 'modified' | 'deleted';

/** What one layer did to one path. `size` is the entry's (for `deleted`, the size of what was removed). */
export interface PathEvent {
  readonly layer: number;
  readonly change: Change;
  readonly type: EntryType;
  readonly size: number;
}

/** A path as the final image shows it. */
export interface FsEntry {
  readonly path: string;
  readonly type: EntryType;
  readonly size: number;
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  readonly mtime: number;
  readonly linkname: string | null;
  /** The layer whose entry this is. */
  readonly layer: number;
}

export interface LayerStats {
  readonly index: number;
  /** Sum of the tar header sizes of the layer's entries: what dive and `docker images` count. */
  readonly sizeBytes: number;
  /** Entries that are neither directories nor whiteout markers. */
  readonly fileCount: number;
  /** Every tar entry, whiteout markers and directories included. */
  readonly entryCount: number;
  /** Paths this layer's whiteouts and opaque directories removed from lower layers. */
  readonly deletedCount: number;
}

export interface MergedFs {
  readonly layers: readonly LayerStats[];
  /** Paths present in the final image. */
  readonly pathCount: number;
  get(path: string): FsEntry | null;
  /** Everything each layer did to `path`, oldest first; empty when no layer touched it. */
  history(path: string): readonly PathEvent[];
  /** The final view, depth-first in name order. */
  entries(): Iterable<FsEntry>;
  /** Every path any layer touched (deleted ones too), with its history, depth-first in name order. */
  histories(): Iterable<{ readonly path: string; readonly events: readonly PathEvent[] }>;
  /** Bytes of the regular files present under `dir` (or at it) in the final view. */
  bytesUnder(dir: string): number;
  /** The last layer that changed `path` or anything under it; null when none did. */
  lastLayerTouching(path: string): number | null;
  /** The size a path's content occupies: a hardlink's is its target's. */
  contentSize(entry: FsEntry): number;
}

const WHITEOUT = '.wh.';
const OPAQUE = '.wh..wh..opq';
/** As Linux's limit on symlinks followed in one lookup (ELOOP). */
const MAX_HOPS = 40;

const CHANGES: readonly Change[] = ['added', 'replaced', 'modified', 'deleted'];
const TYPES: readonly EntryType[] = ['file', 'directory', 'symlink', 'hardlink', 'char', 'block', 'fifo', 'other'];
const TYPE_CODE = new Map(TYPES.map((t, i) => [t, i]));

/**
 * One path of the tree. The present entry lives in the node's own fields and events are packed numbers
 * (`layer << 5 | change << 3 | type`, then the size), so a path costs one object, not four: memory is
 * the path count times a small constant.
 */
class Node {
  children: Map<string, Node> | null = null;
  /** null: absent (never added, deleted, or an implied parent directory). */
  type: EntryType | null = null;
  size = 0;
  mode = 0;
  uid = 0;
  gid = 0;
  mtime = 0;
  linkname: string | null = null;
  layer = -1;
  events: number[] | null = null;

  constructor(readonly name: string, readonly parent: Node | null) {}

  record(layer: number, change: Change, type: EntryType, size: number): void {
    const code = layer * 32 + CHANGES.indexOf(change) * 8 + (TYPE_CODE.get(type) ?? 7);
    // A literal is allocated at its exact length; push() onto [] would reserve room for 16.
    if (this.events === null) this.events = [code, size];
    else this.events.push(code, size);
  }

  history(): PathEvent[] {
    const out: PathEvent[] = [];
    const ev = this.events ?? [];
    for (let i = 0; i + 1 < ev.length; i += 2) {
      const code = ev[i] as number;
      out.push({ layer: Math.floor(code / 32), change: CHANGES[(code >> 3) & 3] as Change, type: TYPES[code & 7] as EntryType, size: ev[i + 1] as number });
    }
    return out;
  }

  lastLayer(): number | null {
    const ev = this.events;
    return ev === null || ev.length < 2 ? null : Math.floor((ev[ev.length - 2] as number) / 32);
  }

  entry(path: string): FsEntry | null {
    if (this.type === null) return null;
    return { path, type: this.type, size: this.size, mode: this.mode, uid: this.uid, gid: this.gid, mtime: this.mtime, linkname: this.linkname, layer: this.layer };
  }
}

function pathOf(node: Node): string {
  const parts: string[] = [];
  for (let n: Node | null = node; n !== null && n.parent !== null; n = n.parent) parts.push(n.name);
  return parts.reverse().join('/');
}

/** Depth-first in name order, with each node's path built on the way down. */
function* walk(node: Node, path: string = pathOf(node)): Generator<[Node, string]> {
  yield [node, path];
  if (node.children === null) return;
  for (const key of [...node.children.keys()].sort()) yield* walk(node.children.get(key) as Node, path === '' ? key : `${path}/${key}`);
}

/** Applies layers in order; each layer's entries may arrive in any order within the layer. */
export class FsBuilder {
  private readonly root = new Node('', null);
  private readonly stats: LayerStats[] = [];
  private present = 0;
  // Tars list a directory's entries together: remembering the last parent saves walking from the root.
  // Forgotten whenever a symlink appears or anything is replaced or removed, since that can change where
  // a directory path leads.
  private lastDir: string | null = '';
  private lastDirNode: Node = this.root;

  private child(parent: Node, name: string, create: boolean): Node | null {
    let n = parent.children?.get(name) ?? null;
    if (n === null && create) {
      // A long name sliced from its path would keep the whole path string alive: copy it.
      n = new Node(name.length > 12 ? Buffer.from(name, 'utf8').toString('utf8') : name, parent);
      (parent.children ??= new Map()).set(n.name, n);
    }
    return n;
  }

  /**
   * The node a path leads to, as extraction would find it: a symlink met on the way (and at the end, with
   * `followLast`) is followed, inside the root, as containerd and Docker resolve parents when they unpack.
   * `..` stops at the root, so a link cannot lead out; a loop stops following after MAX_HOPS links.
   */
  private find(path: string, create: boolean, followLast = false): Node | null {
    if (path === '') return this.root;
    const stack: Node[] = [this.root];
    const parts = path.split('/');
    let hops = 0;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i] as string;
      if (part === '' || part === '.') continue;
      if (part === '..') {
        if (stack.length > 1) stack.pop();
        continue;
      }
      const n = this.child(stack[stack.length - 1] as Node, part, create);
      if (n === null) return null;
      if (n.type === 'symlink' && n.linkname !== null && (followLast || i < parts.length - 1) && hops < MAX_HOPS) {
        hops++;
        if (n.linkname.startsWith('/')) stack.length = 1;
        parts.splice(i + 1, 0, ...n.linkname.split('/'));
        continue;
      }
      stack.push(n);
    }
    return stack[stack.length - 1] as Node;
  }

  /** Removes what lower layers put at and under `node`; entries of the current layer stay. */
  private remove(node: Node, layer: number, includeSelf: boolean): number {
    let removed = 0;
    const visit = (n: Node): void => {
      if ((includeSelf || n !== node) && n.type !== null && n.layer < layer) {
        n.record(layer, 'deleted', n.type, n.size);
        n.type = null;
        n.linkname = null;
        this.present--;
        removed++;
      }
      if (n.children !== null) for (const c of n.children.values()) visit(c);
    };
    visit(node);
    return removed;
  }

  add(layer: number, e: EntryHeader, counts: { size: number; files: number; entries: number; deleted: number }): void {
    counts.entries++;
    counts.size += e.size;
    const slash = e.path.lastIndexOf('/');
    const dir = slash < 0 ? '' : e.path.slice(0, slash);
    const base = e.path.slice(slash + 1);
    if (base === OPAQUE || base.startsWith(WHITEOUT)) this.lastDir = null;
    if (base === OPAQUE) {
      const d = this.find(dir, false, true);
      if (d !== null) counts.deleted += this.remove(d, layer, false);
      return;
    }
    if (base.startsWith(WHITEOUT)) {
      const parent = this.find(dir, false, true);
      const target = parent === null ? null : this.child(parent, base.slice(WHITEOUT.length), false);
      if (target !== null) counts.deleted += this.remove(target, layer, true);
      return;
    }
    if (e.type !== 'directory') counts.files++;
    if (dir !== this.lastDir) {
      this.lastDirNode = this.find(dir, true, true) as Node;
      this.lastDir = dir;
    }
    const node = this.child(this.lastDirNode, base, true) as Node;
    let change: Change = 'added';
    if (e.type === 'symlink') this.lastDir = null;
    if (node.type !== null) {
      if (node.type === 'directory' && e.type === 'directory') change = 'modified';
      else {
        change = 'replaced';
        this.lastDir = null;
        // A directory replaced by anything else takes its lower contents with it.
        if (node.type === 'directory') counts.deleted += this.remove(node, layer, false);
      }
    } else this.present++;
    node.type = e.type;
    node.size = e.size;
    node.mode = e.mode;
    node.uid = e.uid;
    node.gid = e.gid;
    node.mtime = e.mtime;
    node.linkname = e.linkname;
    node.layer = layer;
    node.record(layer, change, e.type, e.size);
  }

  /** Applies one layer's entries (drained here, headers only). */
  async addLayer(index: number, entries: AsyncIterable<EntryHeader> | Iterable<EntryHeader>): Promise<LayerStats> {
    const counts = { size: 0, files: 0, entries: 0, deleted: 0 };
    for await (const e of entries) this.add(index, e, counts);
    return this.finishLayer(index, counts);
  }

  finishLayer(index: number, counts: { size: number; files: number; entries: number; deleted: number }): LayerStats {
    const stats: LayerStats = { index, sizeBytes: counts.size, fileCount: counts.files, entryCount: counts.entries, deletedCount: counts.deleted };
    this.stats.push(stats);
    return stats;
  }

  result(): MergedFs {
    const root = this.root;
    const find = (p: string): Node | null => this.find(p, false);
    const get = (p: string): FsEntry | null => find(p)?.entry(p) ?? null;
    return {
      layers: [...this.stats],
      pathCount: this.present,
      get,
      history: (p) => find(p)?.history() ?? [],
      *entries() {
        for (const [n, path] of walk(root)) {
          const e = n.entry(path);
          if (e !== null) yield e;
        }
      },
      *histories() {
        for (const [n, path] of walk(root)) if (n.events !== null) yield { path, events: n.history() };
      },
      bytesUnder(dir) {
        const start = find(dir);
        let total = 0;
        const visit = (n: Node): void => {
          if (n.type === 'file') total += n.size;
          if (n.children !== null) for (const c of n.children.values()) visit(c);
        };
        if (start !== null) visit(start);
        return total;
      },
      lastLayerTouching(p) {
        const start = find(p);
        let last: number | null = null;
        const visit = (n: Node): void => {
          const l = n.lastLayer();
          if (l !== null && (last === null || l > last)) last = l;
          if (n.children !== null) for (const c of n.children.values()) visit(c);
        };
        if (start !== null) visit(start);
        return last;
      },
      contentSize(entry) {
        if (entry.type !== 'hardlink' || entry.linkname === null) return entry.size;
        return get(entry.linkname)?.size ?? 0;
      },
    };
  }
}

/** Merges layers given as entry streams, in order. */
export async function mergeLayers(layers: readonly (AsyncIterable<EntryHeader> | Iterable<EntryHeader>)[]): Promise<MergedFs> {
  const b = new FsBuilder();
  for (const [i, entries] of layers.entries()) await b.addLayer(i, entries);
  return b.result();
}

/** What the merged view reads of an entry; a TarEntry is one. */
export type EntryHeader = Omit<TarEntry, 'body' | 'pax'>;

async function collect(entries: AsyncIterable<TarEntry>): Promise<EntryHeader[]> {
  const out: EntryHeader[] = [];
  for await (const e of entries) out.push(e);
  return out;
}

/**
 * The merged view of an image. Up to `concurrency` layers are read at once (decompression is the cost, and
 * layers are independent) and applied in manifest order: the layer being applied streams straight in, the
 * ones read ahead are held as headers only, so memory stays bounded by the path count.
 */
export async function imageFs(image: Image, options: { concurrency?: number } = {}): Promise<MergedFs> {
  const limit = Math.max(1, options.concurrency ?? 4);
  const b = new FsBuilder();
  const ahead = new Map<number, Promise<EntryHeader[]>>();
  let next = 1;
  for (const [i, layer] of image.layers.entries()) {
    for (; next < image.layers.length && next < i + limit; next++) {
      const p = collect((image.layers[next] as Image['layers'][number]).entries());
      p.catch(() => undefined); // awaited in order below
      ahead.set(next, p);
    }
    const read = ahead.get(i);
    ahead.delete(i);
    if (read === undefined) {
      await b.addLayer(i, layer.entries());
      continue;
    }
    const counts = { size: 0, files: 0, entries: 0, deleted: 0 };
    for (const e of await read) b.add(i, e, counts);
    b.finishLayer(i, counts);
  }
  return b.result();
}
