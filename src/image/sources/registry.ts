// Images in a registry (OCI distribution API v2): manifest and config first, layers streamed on demand through
// the blob cache; anonymous, basic and bearer-token auth; platform choice from indexes; bounded retries.
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
import { findCredentials } from '../registry/credentials.js';
import type { Credentials } from '../registry/credentials.js';
import { createHttpClient } from '../registry/http.js';
import type { HttpClient, HttpResponse } from '../registry/http.js';
import { formatReference, isInsecureAllowed, isLocalAddress, manifestReference, parseReference } from '../registry/reference.js';
import type { RegistryRef } from '../registry/reference.js';

export interface RegistryOptions {
  /** `--username`; needs `password` (read by the CLI from `--password-stdin`). */
  readonly username?: string;
  readonly password?: string;
  /** `host[:port]` entries that may use plain HTTP or unverified TLS (added to WHITTLE_INSECURE_REGISTRIES). */
  readonly insecureRegistries?: readonly string[];
  /** PEM file with extra certificate authorities to trust. */
  readonly caFile?: string;
  /** Blob cache directory; null turns the cache off. Default: see `defaultCacheDir`. */
  readonly cacheDir?: string | null;
  /** Environment for auth files, helpers and defaults (default: process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Idle timeout per request in milliseconds (default 30 s). */
  readonly timeoutMs?: number;
  /** Retries after a 429, a 5xx or a dropped connection (default 4), first waiting `retryDelayMs` (default 250), doubling. */
  readonly retries?: number;
  readonly retryDelayMs?: number;
  /** Blob downloads in flight at once (default 4). */
  readonly concurrency?: number;
  /** Observes every HTTP request sent, redirects included. */
  readonly onRequest?: (method: string, url: URL) => void;
}

const MANIFEST_LIMIT = 4 * 1024 * 1024;
const CONFIG_LIMIT = 64 * 1024 * 1024;
const TOKEN_LIMIT = 1024 * 1024;
const RETRY_STATUS = new Set([408, 429, 500, 502, 503, 504]);
const RETRY_CODES = new Set(['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ECONNABORTED', 'UND_ERR_SOCKET']);

export interface Challenge {
  readonly scheme: string;
  readonly params: Readonly<Record<string, string>>;
}

/** Parse `WWW-Authenticate` (RFC 7235): `Bearer realm="…",service="…",scope="…"`, possibly several challenges. */
export function parseChallenges(header: string): Challenge[] {
  const out: { scheme: string; params: Record<string, string> }[] = [];
  let i = 0;
  const skip = (chars: RegExp): void => {
    while (i < header.length && chars.test(header.charAt(i))) i++;
  };
  while (i < header.length) {
    skip(/[\s,]/);
    const start = i;
    while (i < header.length && !/[\s=,]/.test(header.charAt(i))) i++;
    const token = header.slice(start, i);
    if (token === '') break;
    skip(/\s/);
    if (header.charAt(i) !== '=') {
      out.push({ scheme: token.toLowerCase(), params: {} });
      continue;
    }
    i++;
    skip(/\s/);
    let value = '';
    if (header.charAt(i) === '"') {
      for (i++; i < header.length && header.charAt(i) !== '"'; i++) value += header.charAt(i) === '\\' ? header.charAt(++i) : header.charAt(i);
      i++;
    } else {
      const v = i;
      while (i < header.length && !/[\s,]/.test(header.charAt(i))) i++;
      value = header.slice(v, i);
    }
    const current = out.at(-1);
    if (current) current.params[token.toLowerCase()] = value;
  }
  return out;
}

/**
 * A network failure in a few words: OpenSSL's multi-line reports become "TLS: <reason>", and a certificate
 * problem says how to fix it.
 */
export function networkProblem(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const code = networkCode(e);
  const ssl = /SSL routines:[^:]*:([^:\n]+)/.exec(message);
  if (ssl?.[1] !== undefined) return `TLS: ${ssl[1].trim()}`;
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS_CERT/.test(code)) {
    return `${message.split('\n')[0] ?? code} (trust its CA with --ca-file, or mark it --insecure-registry)`;
  }
  const line = (message.split('\n')[0] ?? '').trim();
  return code && !line.includes(code) ? `${line} (${code})` : line;
}

function networkCode(e: unknown): string {
  const x = e as { code?: unknown; cause?: { code?: unknown } };
  return typeof x.code === 'string' ? x.code : typeof x.cause?.code === 'string' ? x.cause.code : '';
}

async function readAll(body: Readable, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body) {
    const b = chunk as Buffer;
    total += b.length;
    if (total > limit) {
      body.destroy();
      return null;
    }
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

/** The first `errors[].message` of a registry's JSON error body, if it sent one. */
async function registryMessage(res: HttpResponse): Promise<{ code: string; message: string } | null> {
  try {
    const bytes = await readAll(res.body, 64 * 1024);
    const doc = JSON.parse(bytes?.toString('utf8') ?? '') as { errors?: { code?: unknown; message?: unknown }[] };
    const first = doc.errors?.[0];
    if (first && typeof first.code === 'string') return { code: first.code, message: typeof first.message === 'string' ? first.message : first.code };
  } catch {
    // Not every registry (nor every proxy in front of one) answers errors in JSON.
  }
  return null;
}

class Semaphore {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(size: number) {
    this.free = Math.max(1, size);
  }

  async acquire(): Promise<() => void> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.free++;
    };
  }
}

/** One repository on one registry: the scheme that works, the credentials and the token, shared by all requests. */
class Session {
  private base: URL | null = null;
  private authorization: string | null = null;
  private credentials: Credentials | null | undefined = undefined;

  constructor(
    private readonly ref: RegistryRef,
    private readonly http: HttpClient,
    private readonly options: RegistryOptions,
    private readonly env: Readonly<Record<string, string | undefined>>,
    /** Hosts allowed plain HTTP or unverified TLS besides loopback. */
    private readonly insecure: readonly string[],
    private readonly where: Where,
  ) {}

  private fail(code: 'AUTH' | 'NOT_FOUND' | 'REGISTRY', message: string, blob?: Digest): { ok: false; error: WhittleError } {
    return err(new WhittleError(code, message, blob === undefined ? this.where : { ...this.where, blob }));
  }

  /**
   * GET a path under /v2/, retrying what may pass and answering the registry's auth challenge once. Returns the
   * 2xx (or 404) response, or an error that says which registry and repository refused.
   */
  async get(path: string, headers: Record<string, string>, blob?: Digest): Promise<Result<HttpResponse>> {
    return this.request('GET', path, headers, blob);
  }

  /** `get` with another method: HEAD asks a manifest's digest without its body (and, on Docker Hub, without counting a pull). */
  async request(method: 'GET' | 'HEAD', path: string, headers: Record<string, string>, blob?: Digest): Promise<Result<HttpResponse>> {
    let challenged = false;
    for (;;) {
      const res = await this.send(method, path, headers, blob);
      if (!res.ok) return res;
      const { status } = res.value;
      // A refusal from blob storage behind a redirect is not the registry's auth: the caller reports it.
      if (res.value.url.host !== this.base?.host) return ok(res.value);
      if (status === 401 && !challenged) {
        challenged = true;
        const header = res.value.headers['www-authenticate'];
        res.value.body.resume();
        const authorised = await this.authorise(typeof header === 'string' ? header : '');
        if (!authorised.ok) return authorised;
        continue;
      }
      if (status === 401 || status === 403) {
        const m = await registryMessage(res.value);
        const who = this.credentials ? `the credentials from ${this.credentials.from}` : 'anonymous access';
        const what = status === 401 ? 'authentication failed' : 'access denied';
        return this.fail('AUTH', `${this.ref.registry}: ${what} for ${this.ref.repository} with ${who}${m ? ` (${m.message})` : ''}`, blob);
      }
      return ok(res.value);
    }
  }

  /** Send, retrying 408/429/5xx and dropped connections with doubling, jittered waits (Retry-After honoured up to 30 s). */
  private async send(method: 'GET' | 'HEAD', path: string, headers: Record<string, string>, blob?: Digest): Promise<Result<HttpResponse>> {
    const retries = this.options.retries ?? 4;
    const delay = this.options.retryDelayMs ?? 250;
    let lastProblem = '';
    for (let attempt = 0; attempt <= retries; attempt++) {
      if (attempt > 0) await sleep(Math.min(8000, delay * 2 ** (attempt - 1)) * (0.75 + Math.random() * 0.5));
      const base = await this.resolveBase();
      if (!base.ok) return base;
      const auth: Record<string, string> = this.authorization ? { authorization: this.authorization } : {};
      try {
        const res = await this.http.request(new URL(path, base.value), { method, headers: { ...headers, ...auth } });
        if (!RETRY_STATUS.has(res.status) || attempt === retries) return ok(res);
        lastProblem = `HTTP ${res.status}`;
        const after = Number(res.headers['retry-after']);
        res.body.resume();
        if (Number.isFinite(after) && after > 0) await sleep(Math.min(after, 30) * 1000);
      } catch (e) {
        const code = networkCode(e);
        lastProblem = networkProblem(e);
        if (!RETRY_CODES.has(code) || attempt === retries) break;
      }
    }
    return this.fail('REGISTRY', `cannot reach ${this.ref.registry} for ${this.ref.repository}: ${lastProblem}`, blob);
  }

  /** HTTPS unless that fails on a host that may speak plain HTTP (a registry on loopback, or listed insecure). */
  private async resolveBase(): Promise<Result<URL>> {
    if (this.base) return ok(this.base);
    const host = this.ref.endpoint;
    const secure = new URL(`https://${host}/`);
    if (!isInsecureAllowed(host, this.insecure)) return ok((this.base = secure));
    try {
      const res = await this.http.request(new URL('/v2/', secure));
      res.body.resume();
      return ok((this.base = secure));
    } catch (httpsError) {
      const plain = new URL(`http://${host}/`);
      try {
        const res = await this.http.request(new URL('/v2/', plain));
        res.body.resume();
        return ok((this.base = plain));
      } catch (e) {
        return this.fail('REGISTRY', `cannot reach ${host} over HTTPS (${networkProblem(httpsError)}) or HTTP (${networkProblem(e)})`);
      }
    }
  }

  private async lookupCredentials(): Promise<Result<Credentials | null>> {
    if (this.credentials !== undefined) return ok(this.credentials);
    const found = await findCredentials(this.ref.registry, this.ref.repository, {
      ...(this.options.username !== undefined ? { username: this.options.username } : {}),
      ...(this.options.password !== undefined ? { password: this.options.password } : {}),
      env: this.env,
    });
    if (found.ok) this.credentials = found.value;
    return found;
  }

  /** Answer a 401: Basic with the stored credentials, or Bearer with a token from the challenge's realm. */
  private async authorise(header: string): Promise<Result<void>> {
    const challenges = parseChallenges(header);
    const bearer = challenges.find((c) => c.scheme === 'bearer');
    const basic = challenges.find((c) => c.scheme === 'basic');
    const creds = await this.lookupCredentials();
    if (!creds.ok) return creds;
    const c = creds.value;
    if (bearer) return this.token(bearer, c);
    if (basic) {
      if (c === null) return this.fail('AUTH', `${this.ref.registry} requires a login for ${this.ref.repository} and no credentials were found (docker login, $REGISTRY_AUTH_FILE or --username)`);
      if (c.kind !== 'basic') return this.fail('AUTH', `${this.ref.registry} asks for a password but ${c.from} holds only an identity token`);
      this.authorization = `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}`;
      return ok(undefined);
    }
    return this.fail('AUTH', `${this.ref.registry} refused access to ${this.ref.repository} without a usable challenge (WWW-Authenticate: ${header || 'none'})`);
  }

  /** Check the realm a registry sends us to before any credentials go there. */
  private realmUrl(realm: string | undefined): Result<URL> {
    let url: URL;
    try {
      url = new URL(realm ?? '');
    } catch {
      return this.fail('AUTH', `${this.ref.registry} sent an invalid token realm ${JSON.stringify(realm ?? '')}`);
    }
    const endpoint = this.ref.endpoint;
    if (url.username || url.password) return this.fail('AUTH', `${this.ref.registry} sent a token realm with credentials in it`);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isInsecureAllowed(url.host, this.insecure))) {
      return this.fail('AUTH', `${this.ref.registry} sent a token realm that is not HTTPS (${url.origin})`);
    }
    // A registry elsewhere has no business sending us to this machine's or the link-local network's services.
    if (isLocalAddress(url.host) && !isLocalAddress(endpoint) && !isInsecureAllowed(endpoint, this.insecure)) {
      return this.fail('AUTH', `${this.ref.registry} sent a token realm on a local address (${url.host})`);
    }
    return ok(url);
  }

  private async token(challenge: Challenge, c: Credentials | null): Promise<Result<void>> {
    const realm = this.realmUrl(challenge.params.realm);
    if (!realm.ok) return realm;
    const scope = challenge.params.scope ?? `repository:${this.ref.repository}:pull`;
    const service = challenge.params.service;
    let res: HttpResponse;
    try {
      if (c?.kind === 'identity') {
        const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: c.token, client_id: 'whittle', scope });
        if (service !== undefined) form.set('service', service);
        res = await this.http.request(realm.value, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: form.toString(),
        });
      } else {
        const url = new URL(realm.value);
        if (service !== undefined) url.searchParams.set('service', service);
        for (const s of scope.split(' ')) url.searchParams.append('scope', s);
        const headers: Record<string, string> = c?.kind === 'basic'
          ? { authorization: `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}` }
          : {};
        res = await this.http.request(url, { headers });
      }
    } catch (e) {
      return this.fail('AUTH', `cannot reach the token server ${realm.value.origin} of ${this.ref.registry}: ${networkProblem(e)}`);
    }
    if (res.status !== 200) {
      res.body.resume();
      const who = c ? `the credentials from ${c.from}` : 'anonymous access (no credentials found)';
      return this.fail('AUTH', `the token server ${realm.value.origin} of ${this.ref.registry} refused ${who} for ${this.ref.repository} (HTTP ${res.status})`);
    }
    const bytes = await readAll(res.body, TOKEN_LIMIT);
    let token: unknown;
    try {
      const doc = JSON.parse(bytes?.toString('utf8') ?? '') as { token?: unknown; access_token?: unknown };
      token = doc.token ?? doc.access_token;
    } catch {
      token = undefined;
    }
    if (typeof token !== 'string' || token === '') return this.fail('AUTH', `the token server ${realm.value.origin} of ${this.ref.registry} sent no token`);
    this.authorization = `Bearer ${token}`;
    return ok(undefined);
  }
}

/** Fetch a manifest (or index) by tag or digest; a digest reference is verified against the bytes. */
async function fetchManifest(session: Session, ref: RegistryRef, reference: string, where: Where): Promise<Result<{ bytes: Buffer; digest: Digest; sentDigest: string | null }>> {
  const repoPath = `/v2/${ref.repository}/manifests/${reference}`;
  const res = await session.get(repoPath, { accept: MANIFEST_ACCEPT });
  if (!res.ok) return res;
  if (res.value.status === 404) {
    const m = await registryMessage(res.value);
    const what = /^sha(256|512):/.test(reference) ? `manifest ${reference}` : `tag "${reference}"`;
    const text = m?.code === 'NAME_UNKNOWN' ? `${ref.registry} has no repository ${ref.repository}` : `${ref.registry} has no ${what} in ${ref.repository}`;
    return err(new WhittleError('NOT_FOUND', text, where));
  }
  if (res.value.status !== 200) {
    const m = await registryMessage(res.value);
    return err(new WhittleError('REGISTRY', `${ref.registry} answered HTTP ${res.value.status} for manifest ${reference} of ${ref.repository}${m ? ` (${m.message})` : ''}`, where));
  }
  const bytes = await readAll(res.value.body, MANIFEST_LIMIT);
  if (bytes === null) return err(new WhittleError('REGISTRY', `manifest ${reference} of ${ref.repository} on ${ref.registry} is larger than 4 MiB`, where));
  const algorithm = reference.startsWith('sha512:') ? 'sha512' : 'sha256';
  const digest = digestOf(bytes, algorithm);
  if (reference.includes(':') && /^sha(256|512):/.test(reference) && digest !== reference) {
    return err(new WhittleError('DIGEST_MISMATCH', `${ref.registry} sent manifest bytes with digest ${digest} for ${reference}`, { ...where, blob: reference }));
  }
  const sent = res.value.headers['docker-content-digest'];
  return ok({ bytes, digest, sentDigest: typeof sent === 'string' ? sent.trim() : null });
}

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
