// Which layers come from the base image, and which Dockerfile instruction made each layer: pure, for the pipeline to fill LayerView.
import type { Dockerfile, Instruction } from '../../dockerfile/model.js';
import type { HistoryEntry, ImageConfig } from '../../image/model.js';

export interface ParsedHistory {
  /** Upper-case Dockerfile keyword, or null when the entry is not an instruction (`debuerreotype`, `apko`, comments). */
  readonly keyword: string | null;
  /** The rest, whitespace collapsed; for RUN the command without the shell and build-argument prefix. */
  readonly text: string;
}

const KEYWORDS = new Set(['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);
// `/bin/sh -c`, `/bin/bash -o pipefail -c`, `sh -c`: whatever SHELL was in force.
const SHELL_PREFIX = /^(?:\/(?:usr\/)?bin\/)?(?:ba|da|z|a)?sh\s+(?:-[a-zA-Z]+\s+(?:pipefail\s+)?)*-c\s+/;

function collapse(text: string): string {
  return text.replace(/\\\r?\n/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Drops the `|2 A=1 B=2 ` that Docker and Buildah put before a RUN run with build arguments. */
function dropArgPrefix(text: string): string {
  const m = /^\|(\d+)\s+/.exec(text);
  if (m === null) return text;
  let rest = text.slice(m[0].length);
  for (let n = Number(m[1]); n > 0; n--) rest = rest.replace(/^\S*=\S*\s*/, '');
  return rest;
}

/** What instruction a history `created_by` records, in any of BuildKit's, the classic builder's and Buildah's styles. */
export function parseCreatedBy(createdBy: string | null): ParsedHistory {
  let t = collapse(createdBy ?? '').replace(/\s*# buildkit$/, '');
  const nop = /^(?:\/bin\/sh -c )?#\(nop\)\s*(.*)$/.exec(t);
  if (nop !== null) t = nop[1] ?? '';
  else if (t.startsWith('|') || SHELL_PREFIX.test(t)) return { keyword: 'RUN', text: dropArgPrefix(t).replace(SHELL_PREFIX, '') };
  const word = /^([A-Z]+)\b\s*(.*)$/.exec(t);
  if (word === null || !KEYWORDS.has(word[1] ?? '')) return { keyword: null, text: t };
  const keyword = word[1] as string;
  const rest = word[2] ?? '';
  return { keyword, text: keyword === 'RUN' ? dropArgPrefix(rest).replace(SHELL_PREFIX, '') : rest };
}

function runText(ins: Instruction): string {
  const shell = ins.json === null ? ins.args : ins.json.join(' ');
  return collapse(shell);
}

/** Whether a history entry is plausibly the record of `ins`. RUN compares the command; others the keyword. */
function matches(h: ParsedHistory, ins: Instruction): boolean {
  if (h.keyword !== ins.keyword) return false;
  if (ins.keyword !== 'RUN') return true;
  const a = runText(ins);
  const b = h.text;
  if (a === b || b.endsWith(a) || a.endsWith(b)) return true;
  // Heredocs and exec forms are recorded differently by each builder: the command's start is enough.
  const head = Math.min(30, a.length, b.length);
  return head >= 8 && (b.includes(a.slice(0, head)) || a.includes(b.slice(0, head)));
}

// Builders differ on whether these leave a history entry.
const OPTIONAL = new Set(['ARG', 'ONBUILD', 'MAINTAINER', 'SHELL', 'STOPSIGNAL']);

/** The instructions whose records end the image's history: the shipped stage and the stages it builds on. */
function shippedChain(df: Dockerfile): { instructions: Instruction[]; scratch: boolean } {
  const chain = [];
  const seen = new Set<number>();
  let stage = df.stages[df.stages.length - 1];
  while (stage !== undefined && !seen.has(stage.index)) {
    seen.add(stage.index);
    chain.unshift(stage);
    const parent = stage.from.from?.parentStage;
    stage = parent === null || parent === undefined ? undefined : df.stages[parent];
  }
  const scratch = chain[0]?.from.from?.name.toLowerCase() === 'scratch';
  return { instructions: chain.flatMap((s) => s.instructions), scratch };
}

export interface DockerfileMapping {
  /** Per layer (manifest order): the Dockerfile line of the instruction that made it; null where not the Dockerfile's. */
  readonly lines: readonly (number | null)[];
  /** Layers before the Dockerfile's first: the base image's. */
  readonly baseLayers: number;
}

/**
 * Matches the end of the history to the shipped stages' instructions, newest first. Null when the history does
 * not end with them (another Dockerfile, a squashed build) or does not account for every layer: a guess would
 * attach findings to the wrong lines.
 */
export function mapDockerfile(config: Pick<ImageConfig, 'history' | 'diffIds'>, df: Dockerfile): DockerfileMapping | null {
  const history: readonly HistoryEntry[] = config.history;
  const layerOf: (number | null)[] = [];
  let layers = 0;
  for (const h of history) layerOf.push(h.emptyLayer ? null : layers++);
  if (layers !== config.diffIds.length) return null;
  const { instructions, scratch } = shippedChain(df);
  const lines: (number | null)[] = config.diffIds.map(() => null);
  let i = history.length - 1;
  let j = instructions.length - 1;
  while (j >= 0) {
    const ins = instructions[j] as Instruction;
    const h = i >= 0 ? parseCreatedBy((history[i] as HistoryEntry).createdBy) : null;
    if (h !== null && matches(h, ins)) {
      const layer = layerOf[i];
      if (layer !== null && layer !== undefined) lines[layer] = ins.span.line;
      i--;
      j--;
    } else if (OPTIONAL.has(ins.keyword)) j--;
    else return null;
  }
  // Everything older than the first matched entry is the base's; from scratch there is no base.
  const firstUser = layerOf.slice(i + 1).find((l) => l !== null) ?? layers;
  if (scratch && i >= 0 && layerOf.slice(0, i + 1).some((l) => l !== null)) return null;
  return { lines, baseLayers: scratch ? 0 : (firstUser ?? layers) };
}

export type BaseMethod = 'diff-ids' | 'dockerfile' | 'history';

export interface BaseDetection {
  /** Per layer: whether it comes from the base image; all null when that cannot be told. */
  readonly fromBase: readonly (boolean | null)[];
  readonly method: BaseMethod | null;
  /** The base image as `org.opencontainers.image.base.*` labels name it; a hint to resolve its diff IDs (labels are inherited, so it may be stale). */
  readonly baseName: string | null;
  readonly baseDigest: string | null;
}

export interface BaseOptions {
  /** The base image's diff IDs, when the pipeline resolved it. */
  readonly baseDiffIds?: readonly string[] | null;
  readonly dockerfile?: Dockerfile | null;
}

/**
 * Where the base image ends. Surest first: the base's diff IDs as a prefix of the image's; the Dockerfile's
 * instructions matched against the history's end; else the history alone: the base's last CMD or ENTRYPOINT
 * with layers after it (a guess, said so by `method: 'history'`).
 */
export function detectBase(config: ImageConfig, options: BaseOptions = {}): BaseDetection {
  const n = config.diffIds.length;
  const labels = { baseName: config.labels['org.opencontainers.image.base.name'] ?? null, baseDigest: config.labels['org.opencontainers.image.base.digest'] ?? null };
  const split = (count: number, method: BaseMethod): BaseDetection => ({ fromBase: config.diffIds.map((_, i) => i < count), method, ...labels });
  const base = options.baseDiffIds ?? null;
  if (base !== null && base.length <= n && base.every((d, i) => config.diffIds[i] === d)) return split(base.length, 'diff-ids');
  const mapping = options.dockerfile ? mapDockerfile(config, options.dockerfile) : null;
  if (mapping !== null) return split(mapping.baseLayers, 'dockerfile');
  const guess = historyBoundary(config.history);
  if (guess !== null && guess <= n) return split(guess, 'history');
  return { fromBase: config.diffIds.map(() => null), method: null, ...labels };
}

/**
 * Layers before the build that made the image. Buildah notes the image a build starts from in the first
 * entry's comment (`FROM docker.io/library/debian:bookworm`; later steps name intermediate IDs), so the last
 * such entry starts the user's build. Otherwise: the last CMD/ENTRYPOINT with layers after it. Null when neither.
 */
export function historyBoundary(history: readonly HistoryEntry[]): number | null {
  let before = 0;
  let fromComment: number | null = null;
  for (const h of history) {
    if (h.comment !== null && /^FROM (?![0-9a-f]{12,64}$)\S/.test(h.comment)) fromComment = before;
    if (!h.emptyLayer) before++;
  }
  if (fromComment !== null) return fromComment;
  let layers = 0;
  let boundary: number | null = null;
  let pending: number | null = null;
  for (const h of history) {
    const k = parseCreatedBy(h.createdBy).keyword;
    if (!h.emptyLayer) {
      if (pending !== null) boundary = pending;
      pending = null;
      layers++;
    } else if (k === 'CMD' || k === 'ENTRYPOINT') pending = layers;
  }
  return boundary;
}
