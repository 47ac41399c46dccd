// Test harness for image checks: a tiny image from synthetic layers, merged as the pipeline would, samples included.
import { createHash } from 'node:crypto';
import type { Dockerfile } from '../../dockerfile/model.js';
import { mergeLayers } from '../../image/fs.js';
import type { EntryHeader, MergedFs } from '../../image/fs.js';
import type { EntryType, HistoryEntry, Image, ImageConfig } from '../../image/model.js';
import { SAMPLE_LIMIT } from '../analyzer.js';
import type { AnalysisInput, Analyzer, AnalyzerResult, FileSample, LayerView } from '../analyzer.js';

export type TestFile =
  | string
  | { readonly content?: string; readonly size?: number; readonly mode?: number; readonly uid?: number; readonly type?: EntryType; readonly linkname?: string };

export interface TestLayer {
  /** path -> content (a trailing `/` makes a directory); `size` without content gives a big file cheaply. */
  readonly files?: Readonly<Record<string, TestFile>>;
  readonly whiteouts?: readonly string[];
  readonly opaque?: readonly string[];
  readonly createdBy?: string;
  readonly fromBase?: boolean | null;
  readonly line?: number | null;
}

export interface TestImage {
  readonly layers: readonly TestLayer[];
  readonly config?: Partial<ImageConfig>;
  readonly dockerfile?: Dockerfile | null;
}

function entries(layer: TestLayer): { headers: EntryHeader[]; bodies: Map<string, string> } {
  const headers: EntryHeader[] = [];
  const bodies = new Map<string, string>();
  for (const [rawPath, f] of Object.entries(layer.files ?? {})) {
    const o = typeof f === 'string' ? { content: f } : f;
    const path = rawPath.replace(/^\/+/, '').replace(/\/$/, '');
    const type: EntryType = o.type ?? (rawPath.endsWith('/') ? 'directory' : 'file');
    const size = type === 'file' ? (o.size ?? Buffer.byteLength(o.content ?? '')) : 0;
    if (type === 'file' && o.content !== undefined) bodies.set(path, o.content);
    headers.push({ path, type, size, mode: o.mode ?? (type === 'directory' ? 0o755 : 0o644), uid: o.uid ?? 0, gid: 0, mtime: 0, linkname: o.linkname ?? null });
  }
  for (const w of layer.whiteouts ?? []) {
    const p = w.replace(/^\/+/, '');
    const slash = p.lastIndexOf('/');
    headers.push({ path: `${p.slice(0, slash + 1)}.wh.${p.slice(slash + 1)}`, type: 'file', size: 0, mode: 0o644, uid: 0, gid: 0, mtime: 0, linkname: null });
  }
  for (const d of layer.opaque ?? []) {
    headers.push({ path: `${d.replace(/^\/+/, '').replace(/\/$/, '')}/.wh..wh..opq`, type: 'file', size: 0, mode: 0o644, uid: 0, gid: 0, mtime: 0, linkname: null });
  }
  return { headers, bodies };
}

const CONFIG: ImageConfig = {
  os: 'linux', architecture: 'amd64', variant: null, user: null, env: ['PATH=/usr/bin'], entrypoint: null, cmd: ['/app'],
  exposedPorts: [], labels: {}, healthcheck: null, workingDir: null, diffIds: [], history: [],
};

/** The analysis input the pipeline would build for `spec`, with bodies read where `analyzers` ask for them. */
export async function analysisInput(spec: TestImage, analyzers: readonly Analyzer[] = []): Promise<AnalysisInput> {
  const built = spec.layers.map(entries);
  const fs: MergedFs = await mergeLayers(built.map((b) => b.headers));
  const samples: FileSample[] = [];
  built.forEach((b, layer) => {
    for (const h of b.headers) {
      const body = b.bodies.get(h.path);
      // As the pipeline does: `wantsBody` and samples see `/`-rooted paths.
      if (body === undefined || !analyzers.some((a) => a.wantsBody?.(`/${h.path}`, h.size) === true)) continue;
      samples.push({
        layer, path: `/${h.path}`, size: h.size,
        sha256: createHash('sha256').update(body).digest('hex'),
        text: body.includes('\0') ? null : body.slice(0, SAMPLE_LIMIT),
        hiddenLater: fs.history(h.path).some((e) => e.layer > layer),
      });
    }
  });
  const diffIds = spec.layers.map((_, i) => `sha256:${createHash('sha256').update(`layer ${i}`).digest('hex')}`);
  const history: HistoryEntry[] = spec.layers.map((l, i) => ({ created: null, createdBy: l.createdBy ?? `/bin/sh -c layer ${i}`, comment: null, emptyLayer: false }));
  const config: ImageConfig = { ...CONFIG, diffIds, history, ...spec.config };
  const image: Image = {
    ref: 'test:1', source: 'oci', digest: `sha256:${'0'.repeat(64)}`, manifestMediaType: 'application/vnd.oci.image.manifest.v1+json',
    configDigest: `sha256:${'1'.repeat(64)}`, platform: { os: 'linux', architecture: 'amd64' }, config,
    layers: spec.layers.map((l, i) => ({
      index: i, digest: diffIds[i] as string, diffId: diffIds[i] as string, mediaType: 'application/vnd.oci.image.layer.v1.tar',
      compressedSize: null, createdBy: l.createdBy ?? null, foreign: false,
      entries: () => { throw new Error('test images have no bodies to walk'); },
    })),
  };
  const layers: LayerView[] = spec.layers.map((l, i) => ({
    index: i, diffId: diffIds[i] as string, digest: diffIds[i] as string,
    createdBy: l.createdBy?.replace(/^\/bin\/sh -c /, '') ?? null,
    sizeBytes: fs.layers[i]?.sizeBytes ?? 0, fileCount: fs.layers[i]?.fileCount ?? 0,
    fromBase: l.fromBase ?? null, dockerfileLine: l.line ?? null,
  }));
  return { image, fs, layers, samples, dockerfile: spec.dockerfile ?? null };
}

/** Runs one analyzer over `spec`. */
export async function analyze(analyzer: Analyzer, spec: TestImage): Promise<AnalyzerResult> {
  return analyzer.analyze(await analysisInput(spec, [analyzer]));
}
