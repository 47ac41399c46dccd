// dive's figures (efficiency, wasted bytes, user-wasted percent, inefficient files), quirks included; see specs/dive-compat.md §2.
import type { EntryType } from '../image/model.js';
import { goSortArray } from './gosort.js';

const WHITEOUT = '.wh.';
const META = '.wh..wh.';

export interface DiveInefficientFile {
  readonly path: string;
  readonly count: number;
  readonly bytes: number;
}

export interface DiveCompat {
  readonly sizeBytes: number;
  readonly userSizeBytes: number;
  readonly fileCount: number;
  /** null when not finite (never, as defined; kept nullable like the percent). */
  readonly efficiency: number | null;
  readonly wastedBytes: number;
  /** A ratio (not ×100) that can exceed 1; null for 0/0 and x/0. */
  readonly userWastedPercent: number | null;
  readonly inefficientFiles: readonly DiveInefficientFile[];
  readonly scoredMinBytes: number;
  readonly scoredTotalBytes: number;
  readonly abortedLayers: readonly { readonly index: number; readonly path: string }[];
}

/** A node of one of dive's trees: a record (size, directory flag) and children by stored name. */
class DNode {
  children: Map<string, DNode> | null = null;
  size = 0;
  isDir = false;

  child(name: string): DNode {
    let c = this.children?.get(name);
    if (c === undefined) {
      c = new DNode();
      (this.children ??= new Map()).set(name, c);
    }
    return c;
  }

  count(): number {
    let n = 0;
    if (this.children !== null) for (const c of this.children.values()) n += 1 + c.count();
    return n;
  }
}

/** Byte order of UTF-8 (Go's string comparison); UTF-16 order differs only once surrogates appear. */
function byteCompare(a: string, b: string): number {
  if (a === b) return 0;
  if (/[\ud800-\uffff]/.test(a) || /[\ud800-\uffff]/.test(b)) return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
  return a < b ? -1 : 1;
}

function sortedKeys(m: Map<string, DNode>): string[] {
  return [...m.keys()].sort(byteCompare);
}

interface Visit {
  /** Path components as dive names the path: a whiteout's component without its `.wh.` prefix. */
  readonly parts: readonly string[];
  readonly node: DNode;
  readonly whiteout: boolean;
  readonly leaf: boolean;
}

/** dive's walk: children before their parent, siblings in byte order of stored names. */
function* walk(node: DNode, parts: string[] = []): Generator<Visit> {
  if (node.children === null) return;
  for (const name of sortedKeys(node.children)) {
    const c = node.children.get(name) as DNode;
    const whiteout = name.startsWith(WHITEOUT);
    const here = [...parts, whiteout ? name.slice(WHITEOUT.length) : name];
    if (c.children !== null) yield* walk(c, here);
    yield { parts: here, node: c, whiteout, leaf: c.children === null };
  }
}

/**
 * dive's lower view and its tallies in one tree. A path removed by a whiteout is marked absent rather than
 * unlinked, so its node keeps its tally (dive keys tallies by path, deleted paths included) and no path string
 * is ever stored: a path is rebuilt from parents only for the few that are printed.
 */
class VNode {
  children: Map<string, VNode> | null = null;
  size = 0;
  isDir = false;
  present = false;
  /** Index into the tallies; -1 until dive observes the path. */
  slot = -1;
  constructor(readonly name: string, readonly parent: VNode | null) {}

  child(name: string): VNode {
    let c = this.children?.get(name);
    if (c === undefined) {
      c = new VNode(name, this);
      (this.children ??= new Map()).set(name, c);
    }
    return c;
  }

  /** The present node at `parts`, as dive's tree would find it; null when absent. */
  find(parts: readonly string[]): VNode | null {
    let children = this.children;
    let n: VNode | null = null;
    for (const p of parts) {
      n = children?.get(p) ?? null;
      if (n === null || !n.present) return null;
      children = n.children;
    }
    return n;
  }

  /** Its record's size plus every present descendant's. */
  subtreeSize(): number {
    let total = this.size;
    if (this.children !== null) for (const c of this.children.values()) if (c.present) total += c.subtreeSize();
    return total;
  }

  remove(): void {
    this.present = false;
    if (this.children !== null) for (const c of this.children.values()) if (c.present) c.remove();
  }

  path(): string {
    const parts: string[] = [this.name];
    for (let n = this.parent; n !== null && n.parent !== null; n = n.parent) parts.push(n.name);
    return `/${parts.reverse().join('/')}`;
  }
}

/** A copy of one layer's tree as a view (dive starts its lower view from layer 0's tree). */
function viewOf(tree: DNode, into: VNode): void {
  into.present = true;
  into.size = tree.size;
  into.isDir = tree.isDir;
  if (tree.children !== null) for (const [k, v] of tree.children) viewOf(v, into.child(k));
}

/** dive's stacking of one layer onto the lower view: whiteouts remove, everything else replaces records. */
function stack(view: VNode, layer: DNode): void {
  for (const v of walk(layer)) {
    if (v.whiteout) {
      view.find(v.parts)?.remove();
      continue;
    }
    let n = view;
    for (const p of v.parts) {
      n = n.child(p);
      // A path created anew starts with an empty record and no children (any old ones are absent).
      if (!n.present) {
        n.present = true;
        n.size = 0;
        n.isDir = false;
      }
    }
    n.size = v.node.size;
    n.isDir = v.node.isDir;
  }
}

/** dive's tally per observed path, packed in growable typed arrays (a few bytes per path, no objects). */
class Tallies {
  nodes: VNode[] = [];
  cum = new Float64Array(1024);
  min = new Float64Array(1024);
  count = new Uint32Array(1024);

  of(node: VNode): number {
    if (node.slot >= 0) return node.slot;
    const i = this.nodes.length;
    if (i === this.cum.length) {
      const grow = <T extends Float64Array | Uint32Array>(a: T, make: (n: number) => T): T => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.cum = grow(this.cum, (n) => new Float64Array(n));
      this.min = grow(this.min, (n) => new Float64Array(n));
      this.count = grow(this.count, (n) => new Uint32Array(n));
    }
    node.slot = i;
    this.nodes.push(node);
    this.min[i] = -1;
    return i;
  }
}

/** What dive reads of a tar entry. */
export interface DiveEntry {
  readonly path: string;
  readonly type: EntryType;
  readonly size: number;
}

/**
 * Builds dive's per-layer trees from entries as they stream and scores each layer when it ends, so a caller
 * walking the layers once can feed this beside the merged view. Memory: one tree per layer in flight, one
 * lower view, and one tally per path ever seen.
 */
export class DiveAccumulator {
  private layerTree = new DNode();
  private layerSize = 0;
  private index = 0;
  private readonly view = new VNode('', null);
  private readonly obs = new Tallies();
  /** Slots, in the order their count reached 2. */
  private readonly hits: number[] = [];
  private readonly sizes: number[] = [];
  private fileCount = 0;
  private readonly aborted: { index: number; path: string }[] = [];

  add(e: DiveEntry): void {
    this.layerSize += e.size;
    const parts = e.path.split('/');
    const name = parts.pop() as string;
    let n = this.layerTree;
    // Missing parents become implicit nodes with empty, non-directory records.
    for (const p of parts) n = n.child(p);
    // Opaque markers and other aufs metadata: dropped, but their parents stay.
    if (name.startsWith(META)) return;
    const node = n.child(name);
    node.size = e.size;
    node.isDir = e.type === 'directory';
  }

  /** Scores the layer just fed against dive's lower view, then stacks it. Returns the layer's node count. */
  finishLayer(): number {
    const tree = this.layerTree;
    const lower = this.view;
    // dive's lower view for layer 0 is layer 0's own tree; later layers see layer 0's copy with 0..i-1 stacked.
    if (this.index === 0) viewOf(tree, lower);
    for (const v of walk(tree)) {
      if (!v.leaf) continue;
      const o = this.obs;
      let at = lower;
      for (const p of v.parts) at = at.child(p);
      const e = o.of(at);
      let s: number;
      if (v.whiteout) {
        const prev = lower.find(v.parts);
        if (prev === null) {
          // dive gives up on the rest of this layer, silently.
          this.aborted.push({ index: this.index, path: at.path() });
          break;
        }
        s = prev.isDir ? prev.subtreeSize() : 0;
      } else s = v.node.size;
      o.cum[e] = (o.cum[e] as number) + s;
      if ((o.min[e] as number) < 0 || s < (o.min[e] as number)) o.min[e] = s;
      o.count[e] = (o.count[e] as number) + 1;
      if (o.count[e] === 2) this.hits.push(e);
    }
    stack(this.view, tree);
    const nodes = tree.count();
    this.fileCount += nodes;
    this.sizes.push(this.layerSize);
    this.layerTree = new DNode();
    this.layerSize = 0;
    this.index++;
    return nodes;
  }

  result(): DiveCompat {
    const sizeBytes = this.sizes.reduce((a, b) => a + b, 0);
    const userSizeBytes = sizeBytes - (this.sizes[0] ?? 0);
    const o = this.obs;
    let min = 0;
    let cum = 0;
    for (let i = 0; i < o.nodes.length; i++) {
      min += o.min[i] as number;
      cum += o.cum[i] as number;
    }
    const hits = this.hits.map((i) => ({ path: (o.nodes[i] as VNode).path(), count: o.count[i] as number, cum: o.cum[i] as number }));
    let wasted = 0;
    for (const h of hits) wasted += h.cum;
    // Go's sort.Sort ascending by cumulative size, then reversed: ties end with the later hit first.
    const sorted = [...hits];
    goSortArray(sorted, (a, b) => a.cum < b.cum);
    sorted.reverse();
    const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);
    return {
      sizeBytes,
      userSizeBytes,
      fileCount: this.fileCount,
      efficiency: cum === 0 ? 1 : finite(min / cum),
      wastedBytes: wasted,
      userWastedPercent: finite(wasted / userSizeBytes),
      inefficientFiles: sorted.map((h) => ({ path: h.path, count: h.count, bytes: h.cum })),
      scoredMinBytes: min,
      scoredTotalBytes: cum,
      abortedLayers: [...this.aborted],
    };
  }
}

/** dive's figures for layers given as entry lists, in manifest order. */
export function diveCompat(layers: Iterable<Iterable<DiveEntry>>): DiveCompat {
  const acc = new DiveAccumulator();
  for (const l of layers) {
    for (const e of l) acc.add(e);
    acc.finishLayer();
  }
  return acc.result();
}
