// What the image checks share: rule descriptors, layer naming, locations and secret-safe quoting.
import type { Category, Finding, Location, Severity } from '../../rules/rule.js';
import { findSecrets, fingerprint } from '../../rules/secret-patterns.js';
import type { AnalysisInput, FileSample, LayerView } from '../analyzer.js';
import { detectBase, parseCreatedBy } from './base.js';

/** An image rule as docs and `whittle rules` list it; the analyzer that reports it names it in `rules`. */
export interface ImageRule {
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
  readonly category: Category;
}

/** `history created_by` of a layer, short and with any secret in it replaced by its fingerprint. */
export function describeLayer(layers: readonly LayerView[], index: number): string {
  const view = layers[index];
  // The command as written: the shell and the `|1 NAME=value` build-argument prefix say nothing and may leak.
  const parsed = parseCreatedBy(view?.createdBy ?? null);
  const by = parsed.keyword === 'RUN' ? parsed.text : parsed.keyword === null ? parsed.text : `${parsed.keyword} ${parsed.text}`;
  const line = view?.dockerfileLine ?? null;
  const where = line === null ? '' : `, Dockerfile line ${line}`;
  if (by === '') return `layer ${index}${where}`;
  const text = hideSecrets(by);
  return `layer ${index} (${text.length > 60 ? `${text.slice(0, 57)}...` : text}${where})`;
}

/** `text` with every secret replaced by `<kind sha256:xxxxxxxx>`: no character of the value survives. */
export function hideSecrets(text: string): string {
  let out = '';
  let cursor = 0;
  for (const s of findSecrets(text)) {
    out += `${text.slice(cursor, s.index)}<${s.kind} sha256:${fingerprint(s.value)}>`;
    cursor = s.index + s.value.length;
  }
  return out + text.slice(cursor);
}

/** A location at a layer (and the Dockerfile line that made it, when known) and an image path. */
export function locate(input: Pick<AnalysisInput, 'layers' | 'dockerfile'>, layer: number | null, path?: string): Location {
  const line = layer === null ? null : (input.layers[layer]?.dockerfileLine ?? null);
  return {
    ...(layer === null ? {} : { layer }),
    ...(path === undefined ? {} : { path: absolute(path) }),
    ...(line !== null && input.dockerfile !== null ? { file: input.dockerfile.file, line } : {}),
  };
}

export function finding(rule: ImageRule, message: string, location: Location, bytes?: number): Finding {
  return { rule: rule.id, severity: rule.severity, message, location, ...(bytes === undefined ? {} : { bytes }) };
}

/** A path as the merged view keys it: the pipeline hands `wantsBody` and samples `/`-rooted paths, the view has none. */
export function rel(path: string): string {
  // Called for every file of every layer: one slash is the common case and needs no regex.
  if (path.charCodeAt(0) !== 47) return path;
  return path.charCodeAt(1) === 47 ? path.replace(/^\/+/, '') : path.slice(1);
}

/** Paths in the merged view have no leading slash; users read them with one. */
export function absolute(path: string): string {
  return path.startsWith('/') ? path : `/${path}`;
}

const filled = new WeakMap<readonly LayerView[], readonly LayerView[]>();

/**
 * The layer views with `fromBase` told where the pipeline could not: when no layer says, the image's
 * history (and the Dockerfile, if given) decide as `detectBase` does, so base-image bytes are not blamed on the user.
 */
export function withBase(input: Pick<AnalysisInput, 'layers' | 'image' | 'dockerfile'>): readonly LayerView[] {
  if (input.layers.some((l) => l.fromBase !== null)) return input.layers;
  let views = filled.get(input.layers);
  if (views === undefined) {
    const { fromBase } = detectBase(input.image.config, { dockerfile: input.dockerfile });
    views = input.layers.map((l, i) => ({ ...l, fromBase: fromBase[i] ?? null }));
    filled.set(input.layers, views);
  }
  return views;
}

export function isBase(layers: readonly LayerView[], index: number): boolean {
  return layers[index]?.fromBase === true;
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/** The sample the final image shows at `path` (the newest layer's, not hidden), if it was read. */
export function finalSample(input: Pick<AnalysisInput, 'samples' | 'fs'>, path: string): FileSample | null {
  const entry = input.fs.get(path);
  if (entry === null) return null;
  return input.samples.find((s) => rel(s.path) === path && s.layer === entry.layer && !s.hiddenLater) ?? null;
}

/** Bytes per layer, summed into the layer that holds the most (where the fix belongs). */
export class LayerTally {
  bytes = 0;
  files = 0;
  private readonly byLayer = new Map<number, number>();

  add(layer: number, bytes: number): void {
    this.bytes += bytes;
    this.files++;
    this.byLayer.set(layer, (this.byLayer.get(layer) ?? 0) + bytes);
  }

  /** The layer holding the most bytes (the latest of equals). */
  topLayer(): number | null {
    let best: number | null = null;
    let bestBytes = -1;
    for (const [layer, b] of this.byLayer) {
      if (b > bestBytes || (b === bestBytes && best !== null && layer > best)) {
        best = layer;
        bestBytes = b;
      }
    }
    return best;
  }

  layerCount(): number {
    return this.byLayer.size;
  }
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
