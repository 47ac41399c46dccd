// One repository on one registry, spoken to over the distribution API: the scheme that works, credentials and
// bearer tokens (RFC 7235 challenges), retries with backoff, registry error bodies, and manifest fetching.
import type { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { WhittleError, err, ok } from '../../errors.js';
import type { Result, Where } from '../../errors.js';
import { digestOf } from '../blob.js';
import { MANIFEST_ACCEPT } from '../manifest.js';
import type { Digest } from '../model.js';
import { findCredentials } from './credentials.js';
import type { Credentials } from './credentials.js';
import type { HttpClient, HttpResponse } from './http.js';
import { isInsecureAllowed, isLocalAddress } from './reference.js';
import type { RegistryRef } from './reference.js';

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

export const MANIFEST_LIMIT = 4 * 1024 * 1024;
export const CONFIG_LIMIT = 64 * 1024 * 1024;
const TOKEN_LIMIT = 1024 * 1024;
const RETRY_STATUS = new Set([408, 429, 500, 502, 503, 504]);
export const RETRY_CODES = new Set(['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ECONNABORTED', 'UND_ERR_SOCKET']);

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

export function networkCode(e: unknown): string {
  const x = e as { code?: unknown; cause?: { code?: unknown } };
  return typeof x.code === 'string' ? x.code : typeof x.cause?.code === 'string' ? x.cause.code : '';
}

export async function readAll(body: Readable, limit: number): Promise<Buffer | null> {
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
export async function registryMessage(res: HttpResponse): Promise<{ code: string; message: string } | null> {
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

export class Semaphore {
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
export class Session {
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
export async function fetchManifest(session: Session, ref: RegistryRef, reference: string, where: Where): Promise<Result<{ bytes: Buffer; digest: Digest; sentDigest: string | null }>> {
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
