// `whittle fix --pin-tags` and `--pin-digests`: FROM images pinned through the registry, to a version tag and to a digest.
import type { Dockerfile } from '../dockerfile/model.js';
import { parseDockerfile } from '../dockerfile/parse.js';
import { WhittleError, ok } from '../errors.js';
import type { Result } from '../errors.js';
import type { RegistryRepository } from '../image/sources/registry.js';
import { applyEdits } from '../rules/fix.js';
import type { TextEdit } from '../rules/rule.js';
import type { Io } from './io.js';

export interface PinOptions {
  /** Hosts allowed plain HTTP or unverified TLS (tests point this at a loopback registry). */
  readonly insecureRegistries?: readonly string[];
}

/** A tag that reads as a version: `1`, `1.2.3`, `v2.0`, `20-slim`, `1.2.3-alpine3.20`. */
export interface VersionTag {
  readonly tag: string;
  readonly numbers: readonly number[];
  readonly suffix: string | null;
}

/** A FROM whose image --pin-tags may give a version tag: where its image text sits in the source. */
export interface TagTarget {
  readonly image: string;
  /** The image without `:latest`, to which the chosen tag is appended. */
  readonly bare: string;
  readonly line: number;
  readonly start: number;
  readonly end: number;
}

// HEAD requests per image, at most; the newest versions come first, so the image `latest` names is near the front.
const MAX_PROBES = 50;
const PARALLEL = 4;
const VERSION_RE = /^v?(\d+(?:\.\d+)*)(?:-(.+))?$/;

export function parseVersionTag(tag: string): VersionTag | null {
  const m = VERSION_RE.exec(tag);
  if (m?.[1] === undefined) return null;
  return { tag, numbers: m[1].split('.').map(Number), suffix: m[2] ?? null };
}

/**
 * Newest first, and within one line the most specific first: 1.10 > 1.2.3 > 1.2 > 1.1.0 > 1. So the first tag
 * that names the same image as `latest` is also the most specific name of it.
 */
export function compareVersions(a: VersionTag, b: VersionTag): number {
  for (let i = 0; i < Math.min(a.numbers.length, b.numbers.length); i++) {
    const d = (b.numbers[i] ?? 0) - (a.numbers[i] ?? 0);
    if (d !== 0) return d;
  }
  return b.numbers.length - a.numbers.length || (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0);
}

/**
 * The tags worth asking about, in the order to ask: version-like tags with the wanted suffix (none, for an
 * untagged or `latest` FROM) newest first, then the other suffixed ones, which are usually other variants.
 */
export function versionCandidates(tags: readonly string[], suffix: string | null = null): VersionTag[] {
  const versions = tags.map(parseVersionTag).filter((v): v is VersionTag => v !== null);
  const rank = (v: VersionTag): number => (v.suffix === suffix ? 0 : 1);
  return versions.sort((a, b) => rank(a) - rank(b) || compareVersions(a, b));
}

/** Of the tags that name the image, the one saying the most (1.2.3 over 1.2 over 1); the earliest on a tie. */
export function mostSpecific(matches: readonly VersionTag[]): VersionTag | null {
  let best: VersionTag | null = null;
  for (const m of matches) if (best === null || m.numbers.length > best.numbers.length) best = m;
  return best;
}

function parsed(text: string, file: string): Dockerfile {
  const df = parseDockerfile(text, file);
  if (!df.ok) throw df.error;
  return df.value;
}

/** Every stage's FROM that names a registry image by no tag or by `latest`: no stage, scratch, variable or digest. */
export function tagTargets(df: Dockerfile): TagTarget[] {
  const out: TagTarget[] = [];
  for (const stage of df.stages) {
    const from = stage.from.from;
    if (from === undefined || from.parentStage !== null || from.digest !== null) continue;
    if (from.tag !== null && from.tag !== 'latest') continue;
    if (from.image === '' || from.image.includes('$') || from.name === 'scratch') continue;
    const start = df.source.indexOf(from.image, stage.from.argsStart);
    if (start < 0 || start > stage.from.span.end) continue;
    const bare = from.tag === 'latest' ? from.image.slice(0, -':latest'.length) : from.image;
    out.push({ image: from.image, bare, line: stage.from.span.line, start, end: start + from.image.length });
  }
  return out;
}

export type TagChoice = { readonly tag: string } | { readonly tag: null; readonly why: string };

/** Ask the registry which version tag names the image `latest` names now. */
export async function chooseVersionTag(repo: RegistryRepository): Promise<Result<TagChoice>> {
  const latest = await repo.digest('latest');
  if (!latest.ok) return latest;
  const tags = await repo.tags();
  if (!tags.ok) return tags;
  const candidates = versionCandidates(tags.value);
  if (candidates.length === 0) return ok({ tag: null, why: 'the repository has no version tags' });
  const probed = candidates.slice(0, MAX_PROBES);
  for (let i = 0; i < probed.length; i += PARALLEL) {
    const batch = probed.slice(i, i + PARALLEL);
    const digests = await Promise.all(batch.map((c) => repo.digest(c.tag)));
    const matches: VersionTag[] = [];
    for (const [j, d] of digests.entries()) {
      const candidate = batch[j];
      // A tag deleted between the listing and the HEAD is simply not a candidate.
      if (!d.ok && d.error.code === 'NOT_FOUND') continue;
      if (!d.ok) return d;
      if (candidate !== undefined && d.value === latest.value) matches.push(candidate);
    }
    const best = mostSpecific(matches);
    if (best !== null) return ok({ tag: best.tag });
  }
  const among = candidates.length > MAX_PROBES ? ` among the ${MAX_PROBES} newest` : '';
  return ok({ tag: null, why: `no version tag${among} points at the same image as latest` });
}

/**
 * `FROM name` / `FROM name:latest` -> `FROM name:1.2.3`, the most specific version tag naming the same image as
 * `latest` in the registry. A repository where none does is left alone with a note on stderr.
 */
export async function pinTags(text: string, file: string, opts: PinOptions, io: Io): Promise<string> {
  const df = parsed(text, file);
  const { openRepository } = await import('../image/sources/registry.js');
  const options = { env: io.env, ...(opts.insecureRegistries ? { insecureRegistries: opts.insecureRegistries } : {}) };
  const chosen = new Map<string, TagChoice>();
  const edits: TextEdit[] = [];
  for (const target of tagTargets(df)) {
    let choice = chosen.get(target.bare);
    if (choice === undefined) {
      const repo = await openRepository(target.bare, options);
      const found = repo.ok ? await chooseVersionTag(repo.value) : repo;
      if (!found.ok) throw new WhittleError(found.error.code, `cannot pin a version tag for ${target.image}: ${found.error.message}`, { file, line: target.line });
      choice = found.value;
      chosen.set(target.bare, choice);
    }
    if (choice.tag === null) {
      io.stderr.write(`whittle: ${file}:${target.line}: cannot pin a version tag for ${target.image}: ${choice.why}\n`);
      continue;
    }
    edits.push({ start: target.start, end: target.end, text: `${target.bare}:${choice.tag}` });
  }
  return applyEdits(text, edits);
}

/**
 * `FROM name:tag` -> `FROM name:tag@sha256:...`, the digest the registry names the tag by: for a multi-platform
 * image the index's, so every platform's build stays pinned. Untagged and variable images are left alone.
 */
export async function pinDigests(text: string, file: string, opts: PinOptions, io: Io): Promise<string> {
  const df = parsed(text, file);
  const { resolveDigest } = await import('../image/sources/registry.js');
  const edits: TextEdit[] = [];
  for (const stage of df.stages) {
    const from = stage.from.from;
    if (from === undefined || from.parentStage !== null || from.digest !== null || from.tag === null) continue;
    if (from.image.includes('$') || from.name === 'scratch') continue;
    const digest = await resolveDigest(from.image, { env: io.env, ...(opts.insecureRegistries ? { insecureRegistries: opts.insecureRegistries } : {}) });
    if (!digest.ok) throw new WhittleError(digest.error.code, `cannot pin ${from.image}: ${digest.error.message}`, { file, line: stage.from.span.line });
    const at = df.source.indexOf(from.image, stage.from.argsStart);
    if (at < 0 || at > stage.from.span.end) continue;
    const end = at + from.image.length;
    edits.push({ start: end, end, text: `@${digest.value}` });
  }
  return applyEdits(text, edits);
}
