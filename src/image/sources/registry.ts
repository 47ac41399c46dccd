// Images in a registry (OCI distribution API v2): manifest and config first, layers streamed on demand through
// the blob cache, platform choice from indexes, bounded retries; tags and digests of a repository. The protocol
// session (auth, challenges, retries) is in ../registry/session.ts.
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { WhittleError, err, ok } from '../../errors.js';
import type { Result, Where } from '../../errors.js';
import { imageFromParts } from '../assemble.js';
import { digestOf } from '../blob.js';
import { MANIFEST_ACCEPT, isDigest, parseDocument, parsePlatform, selectManifest } from '../manifest.js';
import type { Descriptor, Manifest } from '../manifest.js';
import type { Digest, Image, OpenOptions, Opener, Platform } from '../model.js';
import { defaultCacheDir, openBlobCache, verifyStream } from '../registry/cache.js';
import type { BlobCache } from '../registry/cache.js';
import { createHttpClient } from '../registry/http.js';
import { formatReference, isInsecureAllowed, manifestReference, parseReference } from '../registry/reference.js';
import type { RegistryRef } from '../registry/reference.js';
import { CONFIG_LIMIT, RETRY_CODES, Semaphore, Session, fetchManifest, networkCode, networkProblem, readAll, registryMessage } from '../registry/session.js';
import type { RegistryOptions } from '../registry/session.js';

export { networkProblem, parseChallenges } from '../registry/session.js';
export type { Challenge, RegistryOptions } from '../registry/session.js';

interface Puller {
  readonly options: RegistryOptions;
  readonly session: Session;
  readonly cache: BlobCache | null;
  readonly slots: Semaphore;
  readonly ref: RegistryRef;
  readonly where: Where;
}

/** One GET of a blob from `offset` on; a registry that ignores Range answers 200 from the start, to be skipped. */
async function requestBlob(p: Puller, d: Descriptor, offset: number): Promise<{ body: Readable; skip: number }> {
  const res = await p.session.get(`/v2/${p.ref.repository}/blobs/${d.digest}`, offset > 0 ? { range: `bytes=${offset}-` } : {}, d.digest);
  if (!res.ok) throw res.error;
  const { status, body, headers } = res.value;
  if (status === 200) return { body, skip: offset };
  if (status === 206 && offset > 0 && headers['content-range']?.startsWith(`bytes ${offset}-`)) return { body, skip: 0 };
  const m = await registryMessage(res.value);
  const where = { ...p.where, blob: d.digest };
  const storage = res.value.url.host !== p.ref.endpoint ? ` (blob storage at ${res.value.url.host})` : '';
  if (status === 404) throw new WhittleError('NOT_FOUND', `blob ${d.digest} is missing from ${p.ref.registry}/${p.ref.repository}${storage}`, where);
  throw new WhittleError('REGISTRY', `${p.ref.registry} answered HTTP ${status} for blob ${d.digest} of ${p.ref.repository}${storage}${m ? `: ${m.message}` : ''}`, where);
}

/**
 * A blob's bytes from the registry (redirects to storage followed), holding a download slot while they flow.
 * A connection that breaks mid-blob is resumed with a Range request, within the retry bound.
 */
async function pullBlob(p: Puller, d: Descriptor): Promise<Readable> {
  const release = await p.slots.acquire();
  let first: { body: Readable; skip: number };
  try {
    first = await requestBlob(p, d, 0);
  } catch (e) {
    release();
    throw e;
  }
  const retries = p.options.retries ?? 4;
  const delay = p.options.retryDelayMs ?? 250;
  async function* bytes(): AsyncGenerator<Buffer> {
    let current = first;
    let got = 0;
    let failures = 0;
    try {
      for (;;) {
        try {
          let skip = current.skip;
          for await (const chunk of current.body) {
            let c = chunk as Buffer;
            if (skip > 0) {
              const drop = Math.min(skip, c.length);
              skip -= drop;
              c = c.subarray(drop);
              if (c.length === 0) continue;
            }
            got += c.length;
            yield c;
          }
          return;
        } catch (e) {
          if (e instanceof WhittleError) throw e;
          if (!RETRY_CODES.has(networkCode(e)) || ++failures > retries) {
            throw new WhittleError('REGISTRY', `download of blob ${d.digest} from ${p.ref.registry} broke off after ${got} bytes: ${networkProblem(e)}`, { ...p.where, blob: d.digest }, { cause: e });
          }
          current.body.destroy();
          await sleep(Math.min(8000, delay * 2 ** (failures - 1)));
          current = await requestBlob(p, d, got);
        }
      }
    } finally {
      current.body.destroy();
      release();
    }
  }
  const out = Readable.from(bytes(), { objectMode: false, highWaterMark: 1 << 16 });
  // A stream destroyed before its first read never runs the generator's cleanup: free the slot here too.
  out.once('close', () => {
    first.body.destroy();
    release();
  });
  return out;
}

function blobOpener(p: Puller, d: Descriptor): Opener {
  return async () => {
    const cached = await p.cache?.open(d.digest);
    if (cached) return cached;
    const body = await pullBlob(p, d);
    // Without a cache the layer reader's own digest check is the only one needed.
    return p.cache ? p.cache.tee(d.digest, d.size, body) : body;
  };
}

async function readConfig(p: Puller, d: Descriptor): Promise<Result<Buffer>> {
  try {
    const cached = await p.cache?.open(d.digest);
    const raw = cached ?? (await pullBlob(p, d));
    const verified = cached ? verifyStream(d.digest, d.size, raw) : p.cache ? p.cache.tee(d.digest, d.size, raw) : verifyStream(d.digest, d.size, raw);
    const bytes = await readAll(verified, CONFIG_LIMIT);
    if (bytes === null) return err(new WhittleError('MALFORMED_IMAGE', 'image config is larger than 64 MiB', { ...p.where, blob: d.digest }));
    return ok(bytes);
  } catch (e) {
    if (e instanceof WhittleError) return err(e);
    return err(new WhittleError('REGISTRY', `reading config ${d.digest} from ${p.ref.registry}: ${networkProblem(e)}`, { ...p.where, blob: d.digest }));
  }
}

/** Everything a registry pull shares: the session, cache and download slots; kept apart from the protocol steps. */
async function setUp(ref: RegistryRef, options: RegistryOptions, where: Where): Promise<Result<Puller>> {
  const env = options.env ?? process.env;
  let ca: string | undefined;
  if (options.caFile !== undefined) {
    try {
      ca = await readFile(options.caFile, 'utf8');
    } catch (e) {
      return err(new WhittleError('IO', `cannot read the CA file: ${(e as Error).message}`, { file: options.caFile }));
    }
  }
  const insecure = [...(options.insecureRegistries ?? []), ...(env.WHITTLE_INSECURE_REGISTRIES ?? '').split(',')];
  const http = createHttpClient({
    ...(ca !== undefined ? { ca } : {}),
    insecure: (host) => isInsecureAllowed(host, insecure),
    idleTimeoutMs: options.timeoutMs ?? 30_000,
    ...(options.onRequest ? { onRequest: options.onRequest } : {}),
  });
  const cacheDir = options.cacheDir === undefined ? defaultCacheDir(env) : options.cacheDir;
  const cache = cacheDir === null ? null : await openBlobCache(cacheDir);
  return ok({ options, session: new Session(ref, http, options, env, insecure, where), cache, slots: new Semaphore(options.concurrency ?? 4), ref, where });
}

/**
 * Open `[registry/]repo[:tag][@digest]` (a `registry:` or `docker://` prefix is accepted): resolve the manifest (choosing a platform from an index), fetch and
 * verify the config, and hand back layers that download (or read from the cache) only when walked.
 */
export async function openRegistryImage(text: string, options: OpenOptions & RegistryOptions): Promise<Result<Image>> {
  const parsed = parseReference(text.replace(/^(?:registry:|docker:\/\/)/, ''));
  if (!parsed.ok) return parsed;
  const ref = parsed.value;
  const where: Where = { ref: `registry:${formatReference(ref)}` };
  let requested: Platform | null = null;
  if (options.platform !== undefined) {
    const p = parsePlatform(options.platform);
    if (!p.ok) return p;
    requested = p.value;
  }
  const setup = await setUp(ref, options, where);
  if (!setup.ok) return setup;
  const puller = setup.value;

  let reference = manifestReference(ref);
  let fetched = await fetchManifest(puller.session, ref, reference, where);
  let manifest: Manifest | null = null;
  // An index may (rarely) point at another index; two levels are all anyone publishes.
  for (let depth = 0; depth < 3 && fetched.ok; depth++) {
    const doc = parseDocument(fetched.value.bytes, { ...where, blob: fetched.value.digest });
    if (!doc.ok) return doc;
    if (doc.value.kind === 'manifest') {
      manifest = doc.value.manifest;
      break;
    }
    const chosen = selectManifest(doc.value.index, requested, where);
    if (!chosen.ok) return chosen;
    reference = chosen.value.digest;
    fetched = await fetchManifest(puller.session, ref, reference, where);
  }
  if (!fetched.ok) return fetched;
  if (manifest === null) return err(new WhittleError('MALFORMED_IMAGE', 'image indexes nest too deeply', where));

  const configBytes = await readConfig(puller, manifest.config);
  if (!configBytes.ok) return configBytes;
  return imageFromParts({
    ref: where.ref ?? text,
    source: 'registry',
    digest: fetched.value.digest,
    manifestMediaType: manifest.mediaType,
    configDigest: manifest.config.digest,
    configBytes: configBytes.value,
    manifest,
    openBlob: (d: Descriptor) => blobOpener(puller, d),
    where,
  });
}

/** How a tag listing pages: `pageSize` asks for pages of that many (`?n=`); `maxTags` bounds the whole list. */
export interface TagListOptions {
  readonly pageSize?: number;
  readonly maxTags?: number;
}

const TAGS_PAGE_LIMIT = 4 * 1024 * 1024;
const MAX_TAGS = 10_000;

/** One repository's tags and manifest digests over one session (one login, one token), for pinning FROM lines. */
export interface RegistryRepository {
  readonly ref: RegistryRef;
  /** The tags in the registry's order, following `Link: <…>; rel="next"` pages, at most `maxTags` (default 10,000). */
  tags(options?: TagListOptions): Promise<Result<string[]>>;
  /** The digest a tag names; for a multi-platform image, the index's own digest (what a pin must name). */
  digest(reference: string): Promise<Result<Digest>>;
}

/**
 * The `rel="next"` target of a Link header (RFC 8288) as a path on the same registry, or null on the last page.
 * A link to another origin is not followed: the session's credentials would go with it.
 */
export function nextPageLink(header: string | readonly string[] | undefined, current: URL): string | null {
  const text = Array.isArray(header) ? header.join(', ') : (header as string | undefined) ?? '';
  for (const part of text.split(/,(?=\s*<)/)) {
    const m = /^\s*<([^>]*)>(.*)$/s.exec(part);
    const rel = /;\s*rel\s*=\s*"?([^";]*)"?/i.exec(m?.[2] ?? '')?.[1] ?? '';
    if (m?.[1] === undefined || !rel.toLowerCase().split(/\s+/).includes('next')) continue;
    let next: URL;
    try {
      next = new URL(m[1], current);
    } catch {
      return null;
    }
    return next.origin === current.origin ? `${next.pathname}${next.search}` : null;
  }
  return null;
}

async function tagList(session: Session, ref: RegistryRef, options: TagListOptions, where: Where): Promise<Result<string[]>> {
  const max = options.maxTags ?? MAX_TAGS;
  const tags = new Set<string>();
  const visited = new Set<string>();
  let path: string | null = `/v2/${ref.repository}/tags/list${options.pageSize !== undefined ? `?n=${options.pageSize}` : ''}`;
  // A registry that links a page to itself, or sends empty pages, must not keep us here.
  while (path !== null && tags.size < max && !visited.has(path)) {
    visited.add(path);
    const res = await session.get(path, { accept: 'application/json' });
    if (!res.ok) return res;
    const { status, body, headers, url } = res.value;
    if (status !== 200) {
      const m = await registryMessage(res.value);
      if (status === 404) return err(new WhittleError('NOT_FOUND', `${ref.registry} has no repository ${ref.repository}`, where));
      return err(new WhittleError('REGISTRY', `${ref.registry} answered HTTP ${status} for the tags of ${ref.repository}${m ? ` (${m.message})` : ''}`, where));
    }
    const bytes = await readAll(body, TAGS_PAGE_LIMIT);
    let page: unknown;
    try {
      page = bytes === null ? undefined : (JSON.parse(bytes.toString('utf8')) as { tags?: unknown }).tags;
    } catch {
      page = undefined;
    }
    // A repository with no tags left answers `"tags": null`.
    if (page === null) break;
    if (!Array.isArray(page) || !page.every((t): t is string => typeof t === 'string')) {
      return err(new WhittleError('REGISTRY', `${ref.registry} sent a tag list for ${ref.repository} that is not {"tags": [...]}${bytes === null ? ' (over 4 MiB)' : ''}`, where));
    }
    const before = tags.size;
    for (const t of page) if (tags.size < max) tags.add(t);
    if (tags.size === before) break;
    path = nextPageLink(headers.link, url);
  }
  return ok([...tags]);
}

/** HEAD the manifest for its Docker-Content-Digest; without one (or on an error) GET it and hash the bytes. */
async function manifestDigest(session: Session, ref: RegistryRef, reference: string, where: Where): Promise<Result<Digest>> {
  const head = await session.request('HEAD', `/v2/${ref.repository}/manifests/${reference}`, { accept: MANIFEST_ACCEPT });
  if (!head.ok) return head;
  head.value.body.resume();
  const header = head.value.headers['docker-content-digest'];
  const sent = typeof header === 'string' ? header.trim() : undefined;
  const byDigest = isDigest(reference);
  if (head.value.status === 200 && isDigest(sent)) {
    if (byDigest && sent !== reference) return err(new WhittleError('DIGEST_MISMATCH', `${ref.registry} answered digest ${sent} for ${reference}`, { ...where, blob: reference }));
    return ok(sent);
  }
  // A 404's reason (no tag, or no repository) is only in a body; so is a digest a registry does not send on HEAD.
  const got = await fetchManifest(session, ref, reference, where);
  if (!got.ok) return got;
  const { bytes, digest, sentDigest } = got.value;
  if (isDigest(sentDigest)) {
    const computed = sentDigest.startsWith('sha512:') ? digestOf(bytes, 'sha512') : digest;
    if (computed !== sentDigest) return err(new WhittleError('DIGEST_MISMATCH', `${ref.registry} sent manifest bytes with digest ${computed} but named them ${sentDigest}`, { ...where, blob: sentDigest }));
    return ok(sentDigest);
  }
  return ok(digest);
}

/** A repository's tags and digests through one session; the reference's tag or digest is ignored. */
export async function openRepository(text: string, options: RegistryOptions): Promise<Result<RegistryRepository>> {
  const parsed = parseReference(text.replace(/^(?:registry:|docker:\/\/)/, ''));
  if (!parsed.ok) return parsed;
  const ref = parsed.value;
  const where: Where = { ref: `registry:${ref.registry}/${ref.repository}` };
  // Tags and digests never read a blob: no cache directory is made.
  const setup = await setUp(ref, { ...options, cacheDir: null }, where);
  if (!setup.ok) return setup;
  const { session } = setup.value;
  return ok({
    ref,
    tags: (o = {}) => tagList(session, ref, o, where),
    digest: (reference) => manifestDigest(session, ref, reference, { ref: `registry:${ref.registry}/${ref.repository}${isDigest(reference) ? '@' : ':'}${reference}` }),
  });
}

/** Every tag of the reference's repository (GET /v2/<name>/tags/list, paged), at most `maxTags`. */
export async function listTags(text: string, options: RegistryOptions & TagListOptions): Promise<Result<string[]>> {
  const repo = await openRepository(text, options);
  return repo.ok ? repo.value.tags(options) : repo;
}

/** The digest the reference's tag names right now; an index's own digest for a multi-platform image. */
export async function resolveDigest(text: string, options: RegistryOptions): Promise<Result<Digest>> {
  const repo = await openRepository(text, options);
  return repo.ok ? repo.value.digest(manifestReference(repo.value.ref)) : repo;
}
