// The registry source against the reference registry (open, htpasswd, token auth with a JWT issuer, TLS) fed by
// buildah and skopeo, and against an in-test fake for what a real registry will not do on demand.
import assert from 'node:assert/strict';
import { createHash, randomBytes, randomUUID, sign } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import {
  buildTinyImage, builder, freePort, listen, makeTls, requireTools, run, skopeoFacts, startRegistry, tarOf, tinyImagesAndRegistry,
} from '../../../test/fixtures/registry.js';
import type { WhittleError } from '../../errors.js';
import { formatPlatform, hostPlatform } from '../manifest.js';
import type { Image, TarEntry } from '../model.js';
import { openRegistryImage, parseChallenges } from './registry.js';
import type { RegistryOptions } from './registry.js';

let dir = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'whittle-registry-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

const sha256 = (b: Uint8Array): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;

async function entriesOf(image: Image): Promise<{ path: string; size: number; text?: string }[][]> {
  const out: { path: string; size: number; text?: string }[][] = [];
  for (const layer of image.layers) {
    const list: { path: string; size: number; text?: string }[] = [];
    for await (const e of layer.entries({ bodies: true })) list.push(await describe(e));
    out.push(list);
  }
  return out;
}

async function describe(e: TarEntry): Promise<{ path: string; size: number; text?: string }> {
  if (!e.body) return { path: e.path, size: e.size };
  let text = '';
  for await (const c of e.body) text += (c as Buffer).toString('utf8');
  return { path: e.path, size: e.size, text };
}

async function open(ref: string, options: RegistryOptions & { platform?: string } = {}): Promise<Image> {
  const r = await openRegistryImage(ref, { cacheDir: null, env: { HOME: join(dir, 'nohome') }, retryDelayMs: 1, ...options });
  if (!r.ok) throw r.error;
  return r.value;
}

async function failure(ref: string, options: RegistryOptions & { platform?: string } = {}): Promise<WhittleError> {
  const r = await openRegistryImage(ref, { cacheDir: null, env: { HOME: join(dir, 'nohome') }, retryDelayMs: 1, ...options });
  assert.ok(!r.ok, `expected ${ref} to fail`);
  return r.error;
}

test('WWW-Authenticate challenges parse, quoted commas and several challenges included', () => {
  assert.deepEqual(parseChallenges('Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/alpine:pull"'), [
    { scheme: 'bearer', params: { realm: 'https://auth.docker.io/token', service: 'registry.docker.io', scope: 'repository:library/alpine:pull' } },
  ]);
  assert.deepEqual(parseChallenges('Basic realm="a, \\"b\\"", Bearer realm=https://x/t,scope="repository:a:pull,push"'), [
    { scheme: 'basic', params: { realm: 'a, "b"' } },
    { scheme: 'bearer', params: { realm: 'https://x/t', scope: 'repository:a:pull,push' } },
  ]);
  assert.deepEqual(parseChallenges(''), []);
});

test('the reference registry, no auth: images pushed by skopeo and buildah read as skopeo sees them', async (t) => {
  if (!(await requireTools(t, 'docker-registry', 'buildah', 'skopeo'))) return;
  const work = join(dir, 'open');
  const { b, registry } = await tinyImagesAndRegistry(t, work);
  const host = registry.host;
  await run('skopeo', ['copy', '--dest-tls-verify=false', b.transport('localhost/tiny-amd64'), `docker://${host}/app:1`]);
  await run('buildah', [...b.storage, 'manifest', 'create', 'multi']);
  await run('buildah', [...b.storage, 'manifest', 'add', 'multi', 'localhost/tiny-amd64']);
  await run('buildah', [...b.storage, 'manifest', 'add', 'multi', 'localhost/tiny-arm64']);
  await run('buildah', [...b.storage, 'manifest', 'push', '--all', '--tls-verify=false', 'multi', `docker://${host}/team/multi:2`]);

  await t.test('layers, diff IDs, digest and config agree with skopeo inspect', async () => {
    const facts = await skopeoFacts(`${host}/app:1`);
    const image = await open(`${host}/app:1`);
    assert.equal(image.ref, `registry:${host}/app:1`);
    assert.equal(image.source, 'registry');
    assert.equal(image.digest, facts.digest);
    assert.deepEqual(image.layers.map((l) => l.digest), facts.layers);
    assert.deepEqual(image.layers.map((l) => l.diffId), facts.diffIds);
    assert.deepEqual(image.config.diffIds, facts.diffIds);
    assert.deepEqual(image.platform, { os: 'linux', architecture: 'amd64' });
    assert.ok(image.config.env.includes('GREETING=hi'));
    assert.deepEqual(image.config.cmd, ['/hello']);
    assert.equal(image.config.labels['org.example.test'], 'whittle');
    assert.match(image.layers[1]?.createdBy ?? '', /COPY .*app\.conf/);
    const entries = await entriesOf(image);
    assert.deepEqual(entries[0]?.filter((e) => e.path === 'hello.txt'), [{ path: 'hello.txt', size: 17, text: 'hello from amd64\n' }]);
    assert.deepEqual(entries[1]?.filter((e) => e.path === 'etc/app.conf').map((e) => e.size), [3000]);
  });

  await t.test('by digest: the manifest bytes are verified against the reference', async () => {
    const facts = await skopeoFacts(`${host}/app:1`);
    const image = await open(`${host}/app@${facts.digest}`);
    assert.equal(image.digest, facts.digest);
    const wrong = `sha256:${'1'.repeat(64)}`;
    const e = await failure(`${host}/app@${wrong}`);
    assert.equal(e.code, 'NOT_FOUND');
  });

  await t.test('an index: --platform picks, the default is this machine, an unknown platform names those there are', async () => {
    const arm = await open(`${host}/team/multi:2`, { platform: 'linux/arm64' });
    assert.equal(arm.platform.architecture, 'arm64');
    assert.equal(arm.config.architecture, 'arm64');
    const index = JSON.parse(await run('skopeo', ['inspect', '--raw', '--tls-verify=false', `docker://${host}/team/multi:2`])) as { manifests: { digest: string; platform: { architecture: string } }[] };
    assert.equal(arm.digest, index.manifests.find((m) => m.platform.architecture === 'arm64')?.digest);
    const entries = await entriesOf(arm);
    assert.equal(entries[0]?.find((e) => e.path === 'hello.txt')?.text, 'hello from arm64\n');
    const here = hostPlatform();
    if (here.os === 'linux' && (here.architecture === 'amd64' || here.architecture === 'arm64')) {
      const mine = await open(`${host}/team/multi:2`);
      assert.equal(formatPlatform(mine.platform), formatPlatform(here));
    }
    const e = await failure(`${host}/team/multi:2`, { platform: 'linux/s390x' });
    assert.equal(e.code, 'PLATFORM');
    assert.match(e.message, /linux\/s390x.*linux\/amd64, linux\/arm64/);
    assert.equal(e.where.ref, `registry:${host}/team/multi:2`);
  });

  await t.test('a missing tag or repository is NOT_FOUND naming it', async () => {
    const tag = await failure(`${host}/app:nope`);
    assert.equal(tag.code, 'NOT_FOUND');
    assert.match(tag.message, /has no tag "nope" in app$/);
    assert.equal(tag.where.ref, `registry:${host}/app:nope`);
    const repo = await failure(`${host}/nothing/here:1`);
    assert.equal(repo.code, 'NOT_FOUND');
    assert.match(repo.message, /nothing\/here/);
  });

  await t.test('the blob cache: a second open and walk downloads nothing', async () => {
    const cacheDir = join(work, 'cache');
    const before0 = await registry.blobGets();
    await entriesOf(await open(`${host}/app:1`, { cacheDir }));
    const first = (await registry.blobGets()) - before0;
    assert.equal(first, 3, 'config and two layers');
    await entriesOf(await open(`${host}/app:1`, { cacheDir }));
    assert.equal((await registry.blobGets()) - before0, first, 'served from the cache');
    // Without the cache every walk pulls again.
    await entriesOf(await open(`${host}/app:1`, { cacheDir: null }));
    assert.equal((await registry.blobGets()) - before0, first + 3);
  });

  await t.test('a corrupted cache entry is caught by the digest check, not trusted', async () => {
    const cacheDir = join(work, 'cache-bad');
    const image = await open(`${host}/app:1`, { cacheDir });
    await entriesOf(image);
    const layer = image.layers[0];
    assert.ok(layer);
    await writeFile(join(cacheDir, 'sha256', layer.digest.slice('sha256:'.length)), gzipSync(tarOf({ 'evil.txt': 'x' })));
    const again = await open(`${host}/app:1`, { cacheDir });
    await assert.rejects(entriesOf(again), (e: WhittleError) => e.code === 'DIGEST_MISMATCH' && e.where.blob === layer.digest);
  });

  await t.test('nothing listening: a one-line REGISTRY error, without retrying for long', async () => {
    const port = await freePort();
    const started = Date.now();
    const e = await failure(`127.0.0.1:${port}/app:1`);
    assert.equal(e.code, 'REGISTRY');
    assert.match(e.message, new RegExp(`127\\.0\\.0\\.1:${port}`));
    assert.ok(!e.message.includes('\n'));
    assert.ok(Date.now() - started < 5000);
  });
});

test('the reference registry with htpasswd basic auth', async (t) => {
  if (!(await requireTools(t, 'docker-registry', 'buildah', 'skopeo', 'htpasswd'))) return;
  const work = join(dir, 'basic');
  const b = builder(work);
  await buildTinyImage(work, b, 'localhost/tiny', 'amd64');
  const registry = await startRegistry(join(work, 'registry'), { htpasswd: { user: 'alice', password: 's3cret:x' } });
  t.after(() => registry.stop());
  const ref = `${registry.host}/private/app:1`;
  await run('skopeo', ['copy', '--dest-tls-verify=false', '--dest-creds', 'alice:s3cret:x', b.transport('localhost/tiny'), `docker://${ref}`]);
  const facts = await skopeoFacts(ref, 'alice:s3cret:x');

  await t.test('--username and a password open it', async () => {
    const image = await open(ref, { username: 'alice', password: 's3cret:x' });
    assert.equal(image.digest, facts.digest);
    assert.equal((await entriesOf(image))[0]?.find((e) => e.path === 'hello.txt')?.size, 17);
  });

  await t.test('credentials from ~/.docker/config.json and from $REGISTRY_AUTH_FILE', async () => {
    const home = join(work, 'home');
    await mkdir(join(home, '.docker'), { recursive: true });
    const auth = Buffer.from('alice:s3cret:x').toString('base64');
    await writeFile(join(home, '.docker', 'config.json'), JSON.stringify({ auths: { [`http://${registry.host}`]: { auth } } }));
    assert.equal((await open(ref, { env: { HOME: home } })).digest, facts.digest);
    const podman = join(work, 'auth.json');
    await writeFile(podman, JSON.stringify({ auths: { [`${registry.host}/private`]: { auth } } }));
    assert.equal((await open(ref, { env: { HOME: join(work, 'none'), REGISTRY_AUTH_FILE: podman } })).digest, facts.digest);
  });

  await t.test('a wrong password is an AUTH error naming registry and repository; no credentials says how to log in', async () => {
    const wrong = await failure(ref, { username: 'alice', password: 'nope' });
    assert.equal(wrong.code, 'AUTH');
    assert.match(wrong.message, new RegExp(`${registry.host}.*authentication failed for private/app with the credentials from --username`));
    const none = await failure(ref);
    assert.equal(none.code, 'AUTH');
    assert.match(none.message, /requires a login.*--username/);
  });
});

/** A JWT as the reference registry's token auth accepts it: RS256, the signing certificate in `x5c`. */
function signJwt(claims: Record<string, unknown>, key: string, certPem: string): string {
  const b64url = (b: Buffer): string => b.toString('base64url');
  const der = certPem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
  const head = b64url(Buffer.from(JSON.stringify({ typ: 'JWT', alg: 'RS256', x5c: [der] })));
  const body = b64url(Buffer.from(JSON.stringify(claims)));
  return `${head}.${body}.${b64url(sign('RSA-SHA256', Buffer.from(`${head}.${body}`), key))}`;
}

test('the reference registry with bearer tokens from an in-test token server (basic and identity-token logins)', async (t) => {
  if (!(await requireTools(t, 'docker-registry', 'buildah', 'skopeo', 'openssl'))) return;
  const work = join(dir, 'token');
  const tls = await makeTls(join(work, 'tls'));
  const caKey = await readFile(join(work, 'tls', 'ca.key'), 'utf8');
  const requests: { method: string; auth: string | undefined; query: string; body: string }[] = [];
  const tokenServer = await listen((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.setEncoding('utf8').on('data', (s: string) => (body += s));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      requests.push({ method: req.method ?? '', auth: req.headers.authorization, query: url.search, body });
      const form = new URLSearchParams(body);
      const basicOk = req.headers.authorization === `Basic ${Buffer.from('bob:pw').toString('base64')}`;
      const refreshOk = req.method === 'POST' && form.get('grant_type') === 'refresh_token' && form.get('refresh_token') === 'refresh-me';
      if (req.headers.authorization !== undefined && !basicOk) return void res.writeHead(401).end('{"details":"bad credentials"}');
      if (req.method === 'POST' && !refreshOk) return void res.writeHead(401).end();
      const scopes = req.method === 'POST' ? (form.get('scope') ?? '').split(' ') : url.searchParams.getAll('scope');
      const access = basicOk || refreshOk
        ? scopes.filter(Boolean).map((s) => {
          const [type, name, actions] = s.split(':');
          return { type, name, actions: (actions ?? '').split(',') };
        })
        : [];
      const now = Math.floor(Date.now() / 1000);
      const token = signJwt({ iss: 'whittle-test', sub: basicOk ? 'bob' : 'anonymous', aud: 'whittle-registry', exp: now + 300, nbf: now - 10, iat: now - 10, jti: randomUUID(), access }, caKey, tls.ca);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(req.method === 'POST' ? { access_token: token } : { token, expires_in: 300 }));
    });
  });
  t.after(() => tokenServer.close());
  const b = builder(work);
  await buildTinyImage(work, b, 'localhost/tiny', 'amd64');
  const registry = await startRegistry(join(work, 'registry'), {
    token: { realm: `${tokenServer.url}/token`, service: 'whittle-registry', issuer: 'whittle-test', certFile: tls.caFile },
  });
  t.after(() => registry.stop());
  const ref = `${registry.host}/secure/app:1`;
  await run('skopeo', ['copy', '--dest-tls-verify=false', '--dest-creds', 'bob:pw', b.transport('localhost/tiny'), `docker://${ref}`]);
  const facts = await skopeoFacts(ref, 'bob:pw');

  await t.test('basic credentials are exchanged for a token once, then reused', async () => {
    requests.length = 0;
    const image = await open(ref, { username: 'bob', password: 'pw' });
    assert.equal(image.digest, facts.digest);
    await entriesOf(image);
    assert.equal(requests.length, 1);
    assert.equal(requests[0]?.method, 'GET');
    assert.match(requests[0]?.query ?? '', /service=whittle-registry&scope=repository%3Asecure%2Fapp%3Apull/);
  });

  await t.test('an identitytoken is sent as an OAuth2 refresh token', async () => {
    requests.length = 0;
    const home = join(work, 'home');
    await mkdir(join(home, '.docker'), { recursive: true });
    await writeFile(join(home, '.docker', 'config.json'), JSON.stringify({ auths: { [registry.host]: { identitytoken: 'refresh-me' } } }));
    const image = await open(ref, { env: { HOME: home } });
    assert.equal(image.digest, facts.digest);
    assert.equal(requests[0]?.method, 'POST');
    assert.match(requests[0]?.body ?? '', /grant_type=refresh_token&refresh_token=refresh-me/);
  });

  await t.test('anonymous tokens carry no access: AUTH error; wrong password: the token server refuses', async () => {
    const anon = await failure(ref);
    assert.equal(anon.code, 'AUTH');
    assert.match(anon.message, /authentication failed for secure\/app with anonymous access/);
    const wrong = await failure(ref, { username: 'bob', password: 'bad' });
    assert.equal(wrong.code, 'AUTH');
    assert.match(wrong.message, new RegExp(`token server ${tokenServer.url} of ${registry.host} refused the credentials from --username for secure/app \\(HTTP 401\\)`));
  });
});

test('the reference registry over TLS on loopback: HTTPS is tried first and used', async (t) => {
  if (!(await requireTools(t, 'docker-registry', 'buildah', 'skopeo', 'openssl'))) return;
  const work = join(dir, 'tls-registry');
  const tls = await makeTls(join(work, 'tls'));
  const b = builder(work);
  await buildTinyImage(work, b, 'localhost/tiny', 'amd64');
  const registry = await startRegistry(join(work, 'registry'), { tls });
  t.after(() => registry.stop());
  await run('skopeo', ['copy', '--dest-tls-verify=false', b.transport('localhost/tiny'), `docker://${registry.host}/app:1`]);
  const seen: string[] = [];
  const image = await open(`${registry.host}/app:1`, { caFile: tls.caFile, onRequest: (_m, url) => void seen.push(url.protocol) });
  assert.equal((await entriesOf(image))[0]?.find((e) => e.path === 'hello.txt')?.text, 'hello from amd64\n');
  assert.ok(seen.length > 0 && seen.every((p) => p === 'https:'), seen.join(','));
});

interface Fake {
  readonly host: string;
  readonly image: { manifest: Buffer; digest: string; layerDigests: string[]; configDigest: string };
  readonly log: { path: string; auth: string | undefined; origin: 'registry' | 'storage'; range?: string }[];
  /** The most blob downloads storage was serving at once. */
  readonly maxInFlight: () => number;
  close(): Promise<void>;
}

interface FakeOptions {
  /** Answer 503 to this many manifest requests first. */
  readonly manifestFailures?: number;
  /** Answer 404 for the layer blobs. */
  readonly missingLayer?: boolean;
  readonly realm?: string;
  readonly layers?: number;
  /** The first download of layer 0 stops after this many bytes (the connection drops); Range is honoured. */
  readonly breakAt?: number;
  /** Storage waits this long before answering (to see downloads overlap). */
  readonly storageDelayMs?: number;
  /** Storage refuses layer blobs with this status (an expired signed URL). */
  readonly storageStatus?: number;
}

/** A registry that needs a bearer token and keeps blobs on "storage" at another origin. */
async function fakeRegistry(options: FakeOptions = {}): Promise<Fake> {
  const tars = Array.from({ length: options.layers ?? 1 }, (_, i) => tarOf(i === 0 && options.breakAt !== undefined
    ? { 'app/big.bin': randomBytes(200_000) }
    : { [`app/main${i || ''}.js`]: 'console.log(1)\n' }));
  const layers = tars.map((t) => gzipSync(t));
  const config = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', config: {}, rootfs: { type: 'layers', diff_ids: tars.map(sha256) }, history: [{ created_by: 'COPY main.js /app/' }] }));
  const manifest = Buffer.from(JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: sha256(config), size: config.length },
    layers: layers.map((l) => ({ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: sha256(l), size: l.length })),
  }));
  const layerDigests = layers.map(sha256);
  const blobs = new Map([[sha256(config), config], ...layers.map((l): [string, Buffer] => [sha256(l), l])]);
  const log: Fake['log'] = [];
  let failures = options.manifestFailures ?? 0;
  let broken = false;
  let inFlight = 0;
  let maxInFlight = 0;
  const storage = await listen((req, res) => {
    log.push({ path: req.url ?? '', auth: req.headers.authorization, origin: 'storage', ...(req.headers.range ? { range: req.headers.range } : {}) });
    const name = new URL(req.url ?? '/', 'http://x').pathname.slice(1);
    const blob = blobs.get(name);
    if (!blob) return void res.writeHead(404).end();
    if (options.storageStatus !== undefined && layerDigests.includes(name)) return void res.writeHead(options.storageStatus).end('<Error>AccessDenied</Error>');
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on('close', () => inFlight--);
    setTimeout(() => {
      const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
      if (range) {
        const from = Number(range[1]);
        res.writeHead(206, { 'content-range': `bytes ${from}-${blob.length - 1}/${blob.length}`, 'content-length': blob.length - from }).end(blob.subarray(from));
      } else if (options.breakAt !== undefined && name === layerDigests[0] && !broken) {
        broken = true;
        res.writeHead(200, { 'content-length': blob.length });
        res.write(blob.subarray(0, options.breakAt), () => res.socket?.destroy());
      } else {
        res.end(blob);
      }
    }, options.storageDelayMs ?? 0);
  });
  const tokens = await listen((_req, res) => void res.end(JSON.stringify({ token: 'T0K' })));
  const registry = await listen((req, res) => {
    log.push({ path: req.url ?? '', auth: req.headers.authorization, origin: 'registry' });
    if (req.headers.authorization !== 'Bearer T0K') {
      const realm = options.realm ?? `${tokens.url}/token`;
      return void res.writeHead(401, { 'www-authenticate': `Bearer realm="${realm}",service="fake"` }).end();
    }
    const m = /^\/v2\/app\/(manifests|blobs)\/(.+)$/.exec(req.url ?? '');
    if (m?.[1] === 'manifests' && (m[2] === 'latest' || m[2] === sha256(manifest))) {
      if (failures > 0) {
        failures--;
        return void res.writeHead(503).end();
      }
      return void res.writeHead(200, { 'content-type': 'application/vnd.oci.image.manifest.v1+json' }).end(manifest);
    }
    if (m?.[1] === 'blobs' && blobs.has(m[2] ?? '') && !(options.missingLayer && layerDigests.includes(m[2] ?? ''))) {
      return void res.writeHead(307, { location: `${storage.url}/${m[2] ?? ''}?signature=abc` }).end();
    }
    res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ code: m?.[1] === 'blobs' ? 'BLOB_UNKNOWN' : 'MANIFEST_UNKNOWN', message: 'unknown' }] }));
  });
  return {
    host: registry.host,
    image: { manifest, digest: sha256(manifest), layerDigests, configDigest: sha256(config) },
    log,
    maxInFlight: () => maxInFlight,
    async close() {
      await registry.close();
      await storage.close();
      await tokens.close();
    },
  };
}

test('a fake registry: blobs redirected to storage never receive the registry token', async () => {
  const fake = await fakeRegistry();
  try {
    const image = await open(`${fake.host}/app`);
    assert.equal(image.digest, fake.image.digest);
    assert.deepEqual((await entriesOf(image))[0], [{ path: 'app/main.js', size: 15, text: 'console.log(1)\n' }]);
    const atStorage = fake.log.filter((l) => l.origin === 'storage');
    assert.equal(atStorage.length, 2, 'config and layer');
    assert.ok(atStorage.every((l) => l.auth === undefined));
    assert.ok(fake.log.some((l) => l.origin === 'registry' && l.auth === 'Bearer T0K' && l.path.includes('/blobs/')));
  } finally {
    await fake.close();
  }
});

test('a fake registry: 503s are retried with backoff, within a bound', async () => {
  const flaky = await fakeRegistry({ manifestFailures: 2 });
  try {
    const image = await open(`${flaky.host}/app`);
    assert.equal(image.digest, flaky.image.digest);
    assert.equal(flaky.log.filter((l) => l.path === '/v2/app/manifests/latest' && l.auth !== undefined).length, 3);
  } finally {
    await flaky.close();
  }
  const down = await fakeRegistry({ manifestFailures: 100 });
  try {
    const e = await failure(`${down.host}/app`, { retries: 2 });
    assert.equal(e.code, 'REGISTRY');
    assert.match(e.message, /HTTP 503/);
    assert.equal(down.log.filter((l) => l.path === '/v2/app/manifests/latest' && l.auth !== undefined).length, 3);
  } finally {
    await down.close();
  }
});

test('a fake registry: a missing layer blob fails the walk with NOT_FOUND naming the blob', async () => {
  const fake = await fakeRegistry({ missingLayer: true });
  try {
    const image = await open(`${fake.host}/app`);
    await assert.rejects(entriesOf(image), (e: WhittleError) => e.code === 'NOT_FOUND' && e.where.blob === fake.image.layerDigests[0] && e.message.includes(fake.image.layerDigests[0] ?? '?'));
  } finally {
    await fake.close();
  }
});

test('a token realm must be HTTPS (loopback aside) and carry no credentials', async () => {
  for (const [realm, why] of [['http://auth.example.invalid/token', /not HTTPS/], ['http://u:p@127.0.0.1:1/token', /credentials in it/], ['not a url', /invalid token realm/]] as const) {
    const fake = await fakeRegistry({ realm });
    try {
      const e = await failure(`${fake.host}/app`);
      assert.equal(e.code, 'AUTH');
      assert.match(e.message, why);
    } finally {
      await fake.close();
    }
  }
});

test('a fake registry: a download that breaks off mid-blob resumes with a Range request', async () => {
  const fake = await fakeRegistry({ breakAt: 70_000 });
  try {
    const image = await open(`${fake.host}/app`, { cacheDir: join(dir, 'resume-cache') });
    const [entries] = await entriesOf(image);
    assert.equal(entries?.[0]?.path, 'app/big.bin');
    assert.equal(entries?.[0]?.size, 200_000);
    const layerGets = fake.log.filter((l) => l.origin === 'storage' && l.path.startsWith(`/${fake.image.layerDigests[0] ?? ''}`));
    assert.equal(layerGets.length, 2);
    assert.match(layerGets[1]?.range ?? '', /^bytes=\d+-$/);
    assert.ok(Number(/\d+/.exec(layerGets[1]?.range ?? '')?.[0]) > 0);
    // The resumed blob went into the cache whole: a second walk reads it from disk and verifies.
    const again = await open(`${fake.host}/app`, { cacheDir: join(dir, 'resume-cache') });
    assert.equal((await entriesOf(again))[0]?.[0]?.size, 200_000);
    assert.equal(fake.log.filter((l) => l.origin === 'storage' && l.path.startsWith(`/${fake.image.layerDigests[0] ?? ''}`)).length, 2);
  } finally {
    await fake.close();
  }
});

test('a fake registry: parallel layer walks download at most `concurrency` blobs at once', async () => {
  const fake = await fakeRegistry({ layers: 6, storageDelayMs: 60 });
  try {
    const image = await open(`${fake.host}/app`, { concurrency: 2 });
    await Promise.all(image.layers.map(async (layer) => {
      for await (const e of layer.entries()) assert.match(e.path, /^app\/main\d*\.js$/);
    }));
    assert.equal(fake.maxInFlight(), 2);
    assert.equal(fake.log.filter((l) => l.origin === 'storage').length, 7);
  } finally {
    await fake.close();
  }
});

test('a fake registry: storage refusing a redirected blob is a REGISTRY error naming the storage, not a login problem', async () => {
  const fake = await fakeRegistry({ storageStatus: 403 });
  try {
    const image = await open(`${fake.host}/app`);
    await assert.rejects(entriesOf(image), (e: WhittleError) => {
      assert.equal(e.code, 'REGISTRY');
      assert.match(e.message, /HTTP 403 for blob sha256:[0-9a-f]{64} of app \(blob storage at 127\.0\.0\.1:\d+\)/);
      return true;
    });
  } finally {
    await fake.close();
  }
});

test('a registry that never answers times out with a one-line REGISTRY error', async () => {
  const silent = await listen(() => undefined);
  try {
    const e = await failure(`${silent.host}/app:1`, { timeoutMs: 150, retries: 1 });
    assert.equal(e.code, 'REGISTRY');
    assert.match(e.message, /no answer from 127\.0\.0\.1:\d+ for 0\.15s/);
    assert.ok(!e.message.includes('\n'));
  } finally {
    await silent.close();
  }
});
