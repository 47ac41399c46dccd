// Registry credentials where Docker and Podman keep them: explicit flags, $REGISTRY_AUTH_FILE, ~/.docker/config.json
// (`auths`, `credHelpers`, `credsStore`) and `docker-credential-*` helpers. Looked up only when a registry asks.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { WhittleError, err, ok } from '../../errors.js';
import type { Result } from '../../errors.js';

export type Credentials =
  | { readonly kind: 'basic'; readonly username: string; readonly password: string; readonly from: string }
  /** An OAuth2 refresh token (`identitytoken`, or a helper's `<token>` user), exchanged at the token realm. */
  | { readonly kind: 'identity'; readonly token: string; readonly from: string };

export interface CredentialOptions {
  readonly username?: string;
  readonly password?: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

interface AuthEntry {
  readonly auth?: unknown;
  readonly username?: unknown;
  readonly password?: unknown;
  readonly identitytoken?: unknown;
}

interface AuthFile {
  readonly auths?: Record<string, AuthEntry>;
  readonly credHelpers?: Record<string, string>;
  readonly credsStore?: string;
}

const HUB_KEYS = ['https://index.docker.io/v1/', 'index.docker.io', 'docker.io', 'registry-1.docker.io'];

/** `https://host:5000/v1/` → `host:5000`; podman's `host/ns/repo` keys keep their path. */
function normaliseKey(key: string): string {
  return key.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/v[12]\/?$/, '').replace(/\/+$/, '');
}

/**
 * The keys under which an auth file may hold credentials for a repository, most specific first: podman allows
 * `host/ns/repo` and `host/ns` as well as `host`; Docker Hub is filed under its legacy v1 URL.
 */
export function candidateKeys(registry: string, repository: string): string[] {
  const parts = repository.split('/');
  const scoped: string[] = [];
  for (let n = parts.length; n >= 1; n--) scoped.push(`${registry}/${parts.slice(0, n).join('/')}`);
  const hosts = registry === 'docker.io' ? HUB_KEYS.map(normaliseKey) : [registry];
  return [...scoped, ...hosts];
}

function findEntry<T>(table: Record<string, T> | undefined, keys: readonly string[]): T | undefined {
  if (!table) return undefined;
  const byKey = new Map<string, T>();
  for (const [k, v] of Object.entries(table)) if (!byKey.has(normaliseKey(k))) byKey.set(normaliseKey(k), v);
  for (const k of keys) {
    const hit = byKey.get(k);
    if (hit !== undefined) return hit;
  }
  return undefined;
}

/** Decode one `auths` entry; `{}` (a placeholder Docker leaves when a store holds the secret) gives null. */
export function credentialsFromEntry(entry: AuthEntry, from: string): Result<Credentials | null> {
  if (typeof entry.identitytoken === 'string' && entry.identitytoken !== '') {
    return ok({ kind: 'identity', token: entry.identitytoken, from });
  }
  if (typeof entry.auth === 'string' && entry.auth !== '') {
    const text = Buffer.from(entry.auth, 'base64').toString('utf8');
    const colon = text.indexOf(':');
    if (colon <= 0) return err(new WhittleError('AUTH', `the "auth" entry in ${from} is not base64 of user:password`, { file: from }));
    return ok({ kind: 'basic', username: text.slice(0, colon), password: text.slice(colon + 1), from });
  }
  if (typeof entry.username === 'string' && typeof entry.password === 'string' && entry.username !== '') {
    return ok({ kind: 'basic', username: entry.username, password: entry.password, from });
  }
  return ok(null);
}

async function readAuthFile(path: string): Promise<Result<AuthFile | null>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return ok(null);
    return err(new WhittleError('IO', `cannot read ${path}: ${(e as Error).message}`, { file: path }));
  }
  try {
    const v: unknown = JSON.parse(text);
    if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new Error('not a JSON object');
    return ok(v as AuthFile);
  } catch (e) {
    return err(new WhittleError('AUTH', `${path} is not a valid auth file: ${(e as Error).message}`, { file: path }));
  }
}

/**
 * Ask `docker-credential-<helper> get` for a server's secret (the helper protocol: server URL on stdin, JSON on
 * stdout). A helper that knows nothing of the server answers with an error and exit 1: no credentials.
 */
export async function fromHelper(helper: string, server: string, env: CredentialOptions['env']): Promise<Result<Credentials | null>> {
  const program = `docker-credential-${helper}`;
  if (!/^[\w.-]+$/.test(helper)) return err(new WhittleError('AUTH', `invalid credential helper name "${helper}"`));
  return new Promise((resolve) => {
    const child = spawn(program, ['get'], { env: { ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let errText = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (errText += s));
    child.on('error', (e) => {
      const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
      resolve(err(new WhittleError('AUTH', missing ? `credential helper ${program} is configured but not installed` : `${program}: ${e.message}`)));
    });
    child.on('close', (code) => {
      if (code !== 0) {
        if (/not found|no credentials/i.test(out + errText)) resolve(ok(null));
        else resolve(err(new WhittleError('AUTH', `${program} failed for ${server}: ${(errText || out).trim().split('\n')[0] ?? ''}`)));
        return;
      }
      try {
        const v = JSON.parse(out) as { Username?: unknown; Secret?: unknown };
        if (typeof v.Secret !== 'string' || v.Secret === '') return resolve(ok(null));
        if (v.Username === '<token>') return resolve(ok({ kind: 'identity', token: v.Secret, from: program }));
        resolve(ok({ kind: 'basic', username: typeof v.Username === 'string' ? v.Username : '', password: v.Secret, from: program }));
      } catch {
        resolve(err(new WhittleError('AUTH', `${program} printed something that is not JSON`)));
      }
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(server);
  });
}

/** The server name a helper is asked about: Docker Hub's legacy URL, otherwise the bare host[:port]. */
function helperServer(registry: string): string {
  return registry === 'docker.io' ? 'https://index.docker.io/v1/' : registry;
}

async function fromAuthFile(path: string, registry: string, repository: string, env: CredentialOptions['env']): Promise<Result<Credentials | null>> {
  const file = await readAuthFile(path);
  if (!file.ok || file.value === null) return file.ok ? ok(null) : file;
  const keys = candidateKeys(registry, repository);
  const helper = findEntry(file.value.credHelpers, keys);
  if (typeof helper === 'string' && helper !== '') return fromHelper(helper, helperServer(registry), env);
  const entry = findEntry(file.value.auths, keys);
  if (entry && typeof entry === 'object') {
    const c = credentialsFromEntry(entry, path);
    if (!c.ok || c.value !== null) return c;
  }
  if (typeof file.value.credsStore === 'string' && file.value.credsStore !== '') {
    return fromHelper(file.value.credsStore, helperServer(registry), env);
  }
  return ok(null);
}

/**
 * The auth files consulted, in order, as Podman reads them: $REGISTRY_AUTH_FILE alone, or its per-session and
 * per-user files; then Docker's config.json ($DOCKER_CONFIG or ~/.docker).
 */
export function authFiles(env: CredentialOptions['env']): string[] {
  const home = env.HOME ?? homedir();
  const files: string[] = [];
  if (env.REGISTRY_AUTH_FILE) files.push(env.REGISTRY_AUTH_FILE);
  else {
    if (env.XDG_RUNTIME_DIR) files.push(join(env.XDG_RUNTIME_DIR, 'containers', 'auth.json'));
    files.push(join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'containers', 'auth.json'));
  }
  files.push(join(env.DOCKER_CONFIG ?? join(home, '.docker'), 'config.json'));
  return files;
}

/**
 * Credentials for one repository: `--username`/`--password-stdin` win; then the first auth file that knows
 * the registry. Null means "try anonymously".
 */
export async function findCredentials(registry: string, repository: string, options: CredentialOptions): Promise<Result<Credentials | null>> {
  if (options.username !== undefined) {
    if (options.password === undefined) return err(new WhittleError('USAGE', '--username needs a password (--password-stdin)'));
    return ok({ kind: 'basic', username: options.username, password: options.password, from: '--username' });
  }
  for (const path of authFiles(options.env)) {
    const c = await fromAuthFile(path, registry, repository, options.env);
    if (!c.ok || c.value !== null) return c;
  }
  return ok(null);
}
