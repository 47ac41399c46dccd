// The contract between `whittle analyze`'s pipeline and its checks: analyzers are small pure units that get
// the merged filesystem (and, where they asked for them, file bodies) and return findings and numbers.
import type { Dockerfile } from '../dockerfile/model.js';
import type { MergedFs } from '../image/fs.js';
import type { Image } from '../image/model.js';
import type { Finding } from '../rules/rule.js';

/** A file body the pipeline read because an analyzer asked for it (see `Analyzer.wantsBody`). */
export interface FileSample {
  readonly layer: number;
  /** Rooted (`/etc/passwd`), as `wantsBody` is asked; MergedFs paths are unrooted (`etc/passwd`). */
  readonly path: string;
  readonly size: number;
  /** sha256 hex of the whole body. */
  readonly sha256: string;
  /** The first bytes (at most `SAMPLE_LIMIT`) when they look like text; null for binary content. */
  readonly text: string | null;
  /** Whether a later layer deleted or replaced this path (the bytes still ship in this layer). */
  readonly hiddenLater: boolean;
}

export const SAMPLE_LIMIT = 64 * 1024;

/** One layer as analyzers see it: manifest position, its instruction, and its figures from image/fs.ts. */
export interface LayerView {
  readonly index: number;
  readonly diffId: string;
  readonly digest: string;
  /** history `created_by` with one leading `/bin/sh -c ` removed (as dive shows it), null when unknown. */
  readonly createdBy: string | null;
  readonly sizeBytes: number;
  readonly fileCount: number;
  /** Whether the layer comes from the base image, when it can be told (base diff IDs, labels, history); null: unknown. */
  readonly fromBase: boolean | null;
  /** The Dockerfile line that made this layer, when `--dockerfile` was given and the mapping is sure. */
  readonly dockerfileLine: number | null;
}

export interface AnalysisInput {
  readonly image: Image;
  readonly fs: MergedFs;
  readonly layers: readonly LayerView[];
  /** Bodies of the files analyzers asked for, from every layer (deleted-later ones included). */
  readonly samples: readonly FileSample[];
  readonly dockerfile: Dockerfile | null;
}

export interface AnalyzerResult {
  readonly findings: readonly Finding[];
  /** Named figures for reports (`bytes` per category, counts). */
  readonly figures?: Readonly<Record<string, number>>;
}

export interface Analyzer {
  readonly name: string;
  /**
   * `squashed`: looks at the final filesystem only; `all-layers`: also at what earlier layers hold (a key
   * removed by a later layer still ships).
   */
  readonly scope: 'squashed' | 'all-layers';
  /** Rule ids this analyzer reports (WH6xx..WH9xx), for docs and `whittle rules`. */
  readonly rules: readonly string[];
  /**
   * Asked for each regular file of each layer during the walk, with its rooted path (`/etc/passwd`): read its
   * body into `samples`? Keep it cheap: it runs for every file of every layer.
   */
  wantsBody?(path: string, size: number): boolean;
  analyze(input: AnalysisInput): AnalyzerResult;
}
