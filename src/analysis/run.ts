// `whittle analyze`'s pipeline: one walk over the layers feeds the merged view, dive's figures, the exact
// accounting and the bodies analyzers asked for; then every analyzer runs over the result.
import { createHash } from 'node:crypto';
import type { Dockerfile } from '../dockerfile/model.js';
import { FsBuilder } from '../image/fs.js';
import type { EntryHeader, MergedFs } from '../image/fs.js';
import type { Image, Layer } from '../image/model.js';
import type { Finding } from '../rules/rule.js';
import { SAMPLE_LIMIT } from './analyzer.js';
import type { Analyzer, FileSample, LayerView } from './analyzer.js';
import { detectBase, mapDockerfile } from './checks/base.js';
import { DiveAccumulator } from './dive.js';
import type { DiveCompat } from './dive.js';
import { ReclaimAccumulator } from './reclaimable.js';
import type { Reclaimable } from './reclaimable.js';

export interface AnalyzeProgress {
  readonly layer: number;
  readonly layers: number;
  /** Entries read so far in this layer. */
  readonly entries: number;
  readonly done: boolean;
}

export interface AnalyzeOptions {
  /** Default: every analyzer in checks/index.ts. */
  readonly analyzers?: readonly Analyzer[];
  readonly dockerfile?: Dockerfile | null;
  /**
   * Hash every non-empty regular file so `reclaimable` can tell metadata-only re-adds and duplicates (default
   * true). Without it those figures are null and only bodies analyzers ask for are read.
   */
  readonly hashes?: boolean;
  /** Called now and then during the walk (never per entry), for a progress bar. */
  readonly onProgress?: (p: AnalyzeProgress) => void;
}

export interface LayerDetail {
  readonly index: number;
  /** The layer's share of the image's bytes (0..1); 0 for an empty image. */
  readonly share: number;
  /** Its largest regular files, largest first. */
  readonly topPaths: readonly { readonly path: string; readonly bytes: number }[];
  /** From the base image (diff IDs, the Dockerfile or history tell); null when unknown. */
  readonly fromBase: boolean | null;
  /** The `--dockerfile` line that made it, when the history matches the Dockerfile. */
  readonly dockerfileLine: number | null;
}

export interface AnalysisResult {
  readonly image: Image;
  readonly fs: MergedFs;
  readonly layers: readonly LayerView[];
  readonly layerDetails: readonly LayerDetail[];
  readonly dive: DiveCompat;
  readonly reclaimable: Reclaimable;
  readonly findings: readonly Finding[];
  /** Figures analyzers returned, by analyzer name. */
  readonly figures: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly samples: number;
}

const TOP_PATHS = 5;
/** Layers read at once: inflating is the cost and runs on libuv's pool, so two cores keep busy. */
const READ_AHEAD = 4;

type MutableSample = { -readonly [K in keyof FileSample]: FileSample[K] };

/** An entry's header and, for a hashed regular file, its body's sha256. */
type LayerRecord = EntryHeader & { readonly sha256: string | null };

interface LayerRead {
  readonly entries: readonly LayerRecord[];
  readonly top: readonly { path: string; bytes: number }[];
  readonly samples: readonly MutableSample[];
}
const SHELL_PREFIX = '/bin/sh -c ';

/** history `created_by` as dive shows it: one leading `/bin/sh -c ` removed, that exact prefix only. */
export function trimCreatedBy(createdBy: string | null): string | null {
  if (createdBy === null) return null;
  return createdBy.startsWith(SHELL_PREFIX) ? createdBy.slice(SHELL_PREFIX.length) : createdBy;
}

/** Text when the bytes hold no NUL and decode as UTF-8; a sample cut mid-character keeps its whole characters. */
function textOf(bytes: Buffer): string | null {
  if (bytes.includes(0)) return null;
  const text = bytes.toString('utf8');
  const bad = text.indexOf('\uFFFD');
  // A replacement character in the last 3 bytes is a cut character, not binary content.
  if (bad >= 0 && bad < text.length - 3) return null;
  return text;
}

/** Keeps the n largest (path, bytes) pairs seen. */
function pushTop(top: { path: string; bytes: number }[], path: string, bytes: number): void {
  if (top.length === TOP_PATHS && (top[TOP_PATHS - 1] as { bytes: number }).bytes >= bytes) return;
  top.push({ path, bytes });
  top.sort((a, b) => b.bytes - a.bytes || (a.path < b.path ? -1 : 1));
  if (top.length > TOP_PATHS) top.pop();
}

/** Walks every layer once, in manifest order, and runs the analyzers. Throws the source's WhittleError on bad input. */
export async function analyzeImage(image: Image, options: AnalyzeOptions = {}): Promise<AnalysisResult> {
  const analyzers = options.analyzers ?? (await import('./checks/index.js')).analyzers;
  const hashes = options.hashes ?? true;
  const samplers = analyzers.filter((a) => a.wantsBody !== undefined);
  const bodies = hashes || samplers.length > 0;
  const fsb = new FsBuilder();
  const dive = new DiveAccumulator();
  const reclaim = new ReclaimAccumulator({ hashed: hashes });
  const samples: MutableSample[] = [];
  const tops: (readonly { path: string; bytes: number }[])[] = [];
  const total = image.layers.length;

  /** One layer read: headers, body hashes and samples, so layers can be read ahead while another is applied. */
  const read = async (layer: Layer): Promise<LayerRead> => {
    const i = layer.index;
    const entries: LayerRecord[] = [];
    const top: { path: string; bytes: number }[] = [];
    const taken: MutableSample[] = [];
    for await (const e of layer.entries({ bodies })) {
      let sha256: string | null = null;
      if (e.type === 'file') {
        const path = `/${e.path}`;
        if (e.size > 0) pushTop(top, path, e.size);
        const sample = e.body !== null && samplers.some((a) => a.wantsBody?.(path, e.size) === true);
        if (e.body !== null && (sample || (hashes && e.size > 0))) {
          const h = createHash('sha256');
          const head: Buffer[] = [];
          let kept = 0;
          for await (const chunk of e.body) {
            const b = chunk as Buffer;
            h.update(b);
            if (sample && kept < SAMPLE_LIMIT) {
              const part = b.subarray(0, SAMPLE_LIMIT - kept);
              head.push(Buffer.from(part));
              kept += part.length;
            }
          }
          sha256 = h.digest('hex');
          if (sample) taken.push({ layer: i, path, size: e.size, sha256, text: textOf(Buffer.concat(head)), hiddenLater: false });
        }
      }
      entries.push({ path: e.path, type: e.type, size: e.size, mode: e.mode, uid: e.uid, gid: e.gid, mtime: e.mtime, linkname: e.linkname, sha256 });
      if (options.onProgress !== undefined && entries.length % 4096 === 0) options.onProgress({ layer: i, layers: total, entries: entries.length, done: false });
    }
    return { entries, top, samples: taken };
  };

  // As image/fs.ts's imageFs: a few layers are read (inflated, hashed) at once, and applied in manifest order.
  const ahead = new Map<number, Promise<LayerRead>>();
  let next = 0;
  for (const layer of image.layers) {
    const i = layer.index;
    for (; next < total && next < i + READ_AHEAD; next++) {
      const p = read(image.layers[next] as Layer);
      p.catch(() => undefined); // awaited in order below
      ahead.set(next, p);
    }
    const got = await (ahead.get(i) as Promise<LayerRead>);
    ahead.delete(i);
    const counts = { size: 0, files: 0, entries: 0, deleted: 0 };
    for (const e of got.entries) {
      fsb.add(i, e, counts);
      dive.add(e);
      reclaim.add(e);
    }
    fsb.finishLayer(i, counts);
    dive.finishLayer();
    reclaim.finishLayer();
    tops.push(got.top);
    samples.push(...got.samples);
    options.onProgress?.({ layer: i, layers: total, entries: got.entries.length, done: true });
  }

  const fs = fsb.result();
  for (const s of samples) {
    const now = fs.get(s.path.slice(1));
    s.hiddenLater = now === null || now.layer !== s.layer;
  }
  const imageBytes = fs.layers.reduce((n, l) => n + l.sizeBytes, 0);
  const dockerfile = options.dockerfile ?? null;
  const base = detectBase(image.config, { dockerfile });
  const mapping = dockerfile === null ? null : mapDockerfile(image.config, dockerfile);
  const layers: LayerView[] = image.layers.map((l) => ({
    index: l.index,
    diffId: l.diffId,
    digest: l.digest,
    createdBy: trimCreatedBy(l.createdBy),
    sizeBytes: fs.layers[l.index]?.sizeBytes ?? 0,
    fileCount: fs.layers[l.index]?.fileCount ?? 0,
    fromBase: base.fromBase[l.index] ?? null,
    dockerfileLine: mapping?.lines[l.index] ?? null,
  }));
  const layerDetails = layers.map((l) => ({ index: l.index, share: imageBytes === 0 ? 0 : l.sizeBytes / imageBytes, topPaths: tops[l.index] ?? [], fromBase: l.fromBase, dockerfileLine: l.dockerfileLine }));
  const input = { image, fs, layers, samples, dockerfile };
  const findings: Finding[] = [];
  const figures: Record<string, Readonly<Record<string, number>>> = {};
  for (const a of analyzers) {
    const r = a.analyze(input);
    findings.push(...r.findings);
    if (r.figures !== undefined) figures[a.name] = r.figures;
  }
  return { image, fs, layers, layerDetails, dive: dive.result(), reclaimable: reclaim.result(), findings, figures, samples: samples.length };
}
