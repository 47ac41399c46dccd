// Images held by a Docker or Podman engine: found over the Engine API socket, exported with
// `GET /images/{name}/get`, spooled to a temporary file and read by the docker-archive source.
import { createWriteStream, rmSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import http from 'node:http';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { WhittleError, err, ok } from '../../errors.js';
import type { Result, Where } from '../../errors.js';
import type { Image, OpenOptions } from '../model.js';
import { readDockerArchive } from './docker-archive.js';

export interface EngineOptions {
  /** `unix:///path/to.sock` or `tcp://host:port`; default $DOCKER_HOST, then the usual Docker and Podman sockets. */
  readonly host?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Idle timeout per request in milliseconds (default 60 s: an engine may think a while before exporting). */
  readonly timeoutMs?: number;
  /** Where the export is spooled (default: os.tmpdir()). */
  readonly spoolDir?: string;
}

type Target = { readonly socketPath: string; readonly shown: string } | { readonly host: string; readonly port: number; readonly shown: string };

/** The sockets tried when neither --host nor DOCKER_HOST says: Docker's, then rootless and rootful Podman's. */
export function defaultSockets(env: Readonly<Record<string, string | undefined>>): string[] {
  const list = ['/var/run/docker.sock'];
  if (env.XDG_RUNTIME_DIR) list.push(join(env.XDG_RUNTIME_DIR, 'podman', 'podman.sock'));
  list.push('/run/podman/podman.sock');
  return list;
}

/** Parse a DOCKER_HOST value; only unix sockets and plain tcp are spoken (TLS engines are rare on a build host). */
export function parseEngineHost(value: string, env: Readonly<Record<string, string | undefined>>): Result<Target> {
  if (value.startsWith('unix://')) {
    const socketPath = value.slice('unix://'.length);
    if (!socketPath.startsWith('/')) return err(new WhittleError('USAGE', `engine host ${value} must name an absolute socket path`));
    return ok({ socketPath, shown: value });
  }
  const tcp = /^(?:tcp|http):\/\/(\[[^\]]+\]|[^:/]+)(?::(\d+))?\/?$/.exec(value);
  if (tcp?.[1] !== undefined) {
    if (env.DOCKER_TLS_VERIFY) return err(new WhittleError('USAGE', `engine host ${value}: TLS engine connections (DOCKER_TLS_VERIFY) are not supported; use a unix socket`));
    return ok({ host: tcp[1].replace(/^\[|\]$/g, ''), port: Number(tcp[2] ?? 2375), shown: value });
  }
  return err(new WhittleError('USAGE', `engine host "${value}" is not unix:///PATH or tcp://HOST:PORT`));
}

async function findTarget(options: EngineOptions, env: Readonly<Record<string, string | undefined>>): Promise<Result<Target>> {
  const explicit = options.host ?? env.DOCKER_HOST;
  if (explicit) return parseEngineHost(explicit, env);
  const tried = defaultSockets(env);
  for (const socketPath of tried) {
    try {
      if ((await stat(socketPath)).isSocket()) return ok({ socketPath, shown: `unix://${socketPath}` });
    } catch {
      // Not there: try the next well-known place.
    }
  }
  return err(new WhittleError('ENGINE', `no Docker or Podman socket found (tried ${tried.join(', ')}); set DOCKER_HOST`));
}

function request(target: Target, path: string, timeoutMs: number): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const where = 'socketPath' in target ? { socketPath: target.socketPath } : { host: target.host, port: target.port };
    const req = http.request({ ...where, path, method: 'GET', headers: { host: 'docker', 'user-agent': 'whittle' } }, resolve);
    req.setTimeout(timeoutMs, () => req.destroy(Object.assign(new Error(`no answer for ${timeoutMs / 1000}s`), { code: 'ETIMEDOUT' })));
    req.on('error', reject);
    req.end();
  });
}

async function readText(res: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of res) {
    total += (chunk as Buffer).length;
    if (total <= 1024 * 1024) chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The engine's own words from an error body (`{"message": …}`), or the raw text. */
function engineMessage(text: string): string {
  try {
    const v = JSON.parse(text) as { message?: unknown };
    if (typeof v.message === 'string') return v.message;
  } catch {
    // Fall through to the raw text.
  }
  return text.trim().split('\n')[0] ?? '';
}

/** Image names go into the URL path as the Engine API expects them: `/` and `:` and `@` kept, the rest refused. */
function namePath(name: string): string | null {
  return /^[A-Za-z0-9][A-Za-z0-9._\-/:@[\]]*$/.test(name) ? name : null;
}

// Spooled exports live until the process ends: layers re-open the file each time they are walked.
const spools = new Set<string>();
let cleanupInstalled = false;

function keepUntilExit(dir: string): void {
  spools.add(dir);
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  process.once('exit', () => {
    for (const d of spools) rmSync(d, { recursive: true, force: true });
  });
}

/** Forget a spooled export now (tests, and callers that know they are done). */
export async function releaseEngineSpools(): Promise<void> {
  const dirs = [...spools];
  spools.clear();
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
}

/**
 * Open `engine:NAME`: ping the engine, check the image exists (for a clear error), then export it. The export is
 * a docker-archive whose manifest.json comes last, so it cannot be read as it streams: it is spooled to a
 * temporary file (under os.tmpdir(), removed at exit) and read from there by the docker-archive source.
 */
export async function openEngineImage(ref: string, options: OpenOptions & EngineOptions): Promise<Result<Image>> {
  const env = options.env ?? process.env;
  const name = ref.replace(/^engine:/, '');
  const where: Where = { ref: `engine:${name}` };
  const path = namePath(name);
  if (path === null) return err(new WhittleError('USAGE', `"${name}" is not an image name or id`, where));
  const target = await findTarget(options, env);
  if (!target.ok) return err(new WhittleError(target.error.code, target.error.message, where));
  const shown = target.value.shown;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const fail = (code: 'ENGINE' | 'NOT_FOUND', message: string): { ok: false; error: WhittleError } => err(new WhittleError(code, message, where));

  try {
    const ping = await request(target.value, '/_ping', timeoutMs);
    const text = await readText(ping);
    if (ping.statusCode !== 200) return fail('ENGINE', `the engine at ${shown} answered HTTP ${ping.statusCode ?? 0} to a ping: ${engineMessage(text)}`);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return fail('ENGINE', `cannot reach the engine at ${shown}: ${(e as Error).message}${code === 'EACCES' ? ' (no permission on the socket)' : ''}`);
  }

  try {
    const inspect = await request(target.value, `/images/${path}/json`, timeoutMs);
    const text = await readText(inspect);
    if (inspect.statusCode === 404) return fail('NOT_FOUND', `image ${name} is not in the engine at ${shown}`);
    if (inspect.statusCode !== 200) return fail('ENGINE', `the engine at ${shown} answered HTTP ${inspect.statusCode ?? 0} for image ${name}: ${engineMessage(text)}`);
  } catch (e) {
    return fail('ENGINE', `the engine at ${shown} failed while looking up ${name}: ${(e as Error).message}`);
  }

  const dir = await mkdtemp(join(options.spoolDir ?? tmpdir(), 'whittle-engine-'));
  const file = join(dir, 'image.tar');
  try {
    const exported = await request(target.value, `/images/${path}/get`, timeoutMs);
    if (exported.statusCode !== 200) {
      const text = await readText(exported);
      await rm(dir, { recursive: true, force: true });
      return fail('ENGINE', `the engine at ${shown} could not export ${name} (HTTP ${exported.statusCode ?? 0}): ${engineMessage(text)}`);
    }
    await pipeline(exported, createWriteStream(file));
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    return fail('ENGINE', `exporting ${name} from the engine at ${shown} failed: ${(e as Error).message}`);
  }

  keepUntilExit(dir);
  const image = await readDockerArchive({ path: file }, where.ref ?? name, options);
  if (!image.ok) {
    spools.delete(dir);
    await rm(dir, { recursive: true, force: true });
    return err(new WhittleError(image.error.code, `${image.error.message} (in the export of ${name} from ${shown})`, where, { cause: image.error }));
  }
  return ok({ ...image.value, ref: where.ref ?? name, source: 'engine' });
}
