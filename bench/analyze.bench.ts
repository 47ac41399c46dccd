// bench/analyze: `whittle analyze` end to end (one walk feeding the merged view, dive's trees, the exact accounting,
// body hashes and every analyzer) against the bare image walk (image/fs.ts's imageFs) over the same synthetic image,
// plus peak RSS in a child and how the time grows with files and with layers.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { analyzeImage } from '../src/analysis/run.js';
import { imageFs } from '../src/image/fs.js';
import type { Image } from '../src/image/model.js';
import { openImage } from '../src/image/sources/index.js';
import { benchSpec, generateImage } from './image-gen.js';
import { measure, ratio } from './measure.js';
import type { RatioResult } from './measure.js';

const MB = 1024 * 1024;

async function opened(ref: string): Promise<Image> {
  const r = await openImage(ref, { cacheDir: null });
  if (!r.ok) throw r.error;
  return r.value;
}

function childRss(ref: string): { paths: number; maxRssBytes: number } {
  const script = new URL('./analyze-rss.ts', import.meta.url).pathname;
  const r = spawnSync(process.execPath, ['--import', 'tsx', script, ref], { encoding: 'utf8', maxBuffer: MB });
  if (r.status !== 0) throw new Error(`analyze-rss exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout) as { paths: number; maxRssBytes: number };
}

export async function analyzeBench(): Promise<RatioResult[]> {
  // Smaller than bench/image's default: analyze hashes every body, and the machine is shared.
  const scale = Number(process.env.WHITTLE_ANALYZE_BENCH_SCALE ?? process.env.WHITTLE_BENCH_SCALE ?? '0.1');
  if (!(scale > 0)) throw new Error(`WHITTLE_ANALYZE_BENCH_SCALE must be a positive number, got ${scale}`);
  const dir = mkdtempSync(path.join(tmpdir(), 'whittle-analyze-bench-'));
  const results: RatioResult[] = [];
  try {
    const gen = await generateImage(dir, benchSpec(scale));
    console.log(`analyze bench image: ${gen.layers.length} layers, ${gen.files} files, ${gen.dirs} dirs, ${(gen.tarBytes / MB).toFixed(0)} MiB of tar (scale ${scale})`);
    const oci = await opened(`oci:${path.join(dir, 'oci')}`);
    const runs = { warmup: 1, runs: 3 };
    // gzip layers: both sides must inflate every byte, so the ratio is what the checks and accounting add.
    const walk = await measure('bare image walk (imageFs, gzip OCI)', () => imageFs(oci), runs);
    const full = await measure('analyze (gzip OCI, bodies hashed)', () => analyzeImage(oci), runs);
    // Goal 1.3x, not met: handing every body out of the tar reader (one Readable per file) to hash it costs far more
    // than sha256 itself (~1.3 GB/s here). Measured 1.9x quiet, up to 3.9x on a loaded machine; the limit is a guard.
    results.push(ratio(full, walk, 4));
    const headers = await measure('analyze without hashes (gzip OCI)', () => analyzeImage(oci, { hashes: false }), runs);
    // Analyzers that sample bodies (secrets, passwd) still make the walk hand out bodies: 1.05-1.4x quiet.
    results.push(ratio(headers, walk, 3));
    // Growth: half the files (same layers) and half the layers (same files per layer).
    const half = mkdtempSync(path.join(dir, 'half-'));
    const genHalf = await generateImage(half, benchSpec(scale / 2));
    const ociHalf = await opened(`oci:${path.join(half, 'oci')}`);
    const halfFiles = await measure('analyze, half the files', () => analyzeImage(ociHalf), runs);
    const halfLayers = await measure('analyze, first half of the layers', () => analyzeImage({ ...oci, layers: oci.layers.slice(0, oci.layers.length / 2) }), runs);
    console.log(`growth: ${genHalf.files} -> ${gen.files} files: ${(full.medianMs / halfFiles.medianMs).toFixed(2)}x time; ${oci.layers.length / 2} -> ${oci.layers.length} layers: ${(full.medianMs / halfLayers.medianMs).toFixed(2)}x time`);
    const base = childRss('-');
    const rss = childRss(`oci:${path.join(dir, 'oci')}`);
    const rssHalf = childRss(`oci:${path.join(half, 'oci')}`);
    const walkRss = childRss(`walk:oci:${path.join(dir, 'oci')}`);
    // Peak RSS is mostly module load and transient buffers; the per-path slope between the two images is what grows.
    const perPath = Math.max(0, (rss.maxRssBytes - rssHalf.maxRssBytes) / (rss.paths - rssHalf.paths));
    const at300k = rss.maxRssBytes + perPath * (300_000 - rss.paths);
    console.log(`analyze peak RSS: ${(rss.maxRssBytes / MB).toFixed(0)} MiB for ${rss.paths} paths, ${(rssHalf.maxRssBytes / MB).toFixed(0)} MiB for ${rssHalf.paths} (modules alone ${(base.maxRssBytes / MB).toFixed(0)} MiB; bare walk ${(walkRss.maxRssBytes / MB).toFixed(0)} MiB); ~${perPath.toFixed(0)} B/path -> ~${(at300k / MB).toFixed(0)} MiB at 300,000 files (goal 250 MB)`);
    // The limit is a ratio to the bare walk's peak on the same image; the 300k extrapolation above is the goal's check.
    const r = rss.maxRssBytes / walkRss.maxRssBytes;
    const ok = r <= 1.8;
    console.log(`${ok ? 'ok  ' : 'FAIL'} analyze peak RSS: ${r.toFixed(2)}x the bare walk's (limit 1.8x)`);
    results.push({ subject: 'analyze peak RSS', baseline: 'bare walk peak RSS', ratio: r, max: 1.8, ok });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

// Run alone: `node --import tsx bench/analyze.bench.ts`.
if (process.argv[1] !== undefined && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const r = await analyzeBench();
  process.exitCode = r.every((x) => x.ok) ? 0 : 1;
}
