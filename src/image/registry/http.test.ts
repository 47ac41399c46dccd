// The registry HTTP client: credentials never follow a redirect to another origin, an extra CA is trusted,
// HTTPS never silently becomes HTTP; and the blob cache publishes only verified blobs.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, test } from 'node:test';
import { listen, makeTls, requireTools } from '../../../test/fixtures/registry.js';
import { openBlobCache } from './cache.js';
import { createHttpClient } from './http.js';

let dir = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'whittle-http-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function text(body: Readable): Promise<string> {
  let s = '';
  for await (const c of body) s += (c as Buffer).toString('utf8');
  return s;
}

test('a redirect to another origin drops Authorization; a same-origin redirect keeps it', async () => {
  const seen: { path: string; auth: string | undefined }[] = [];
  const storage = await listen((req, res) => {
    seen.push({ path: req.url ?? '', auth: req.headers.authorization });
    res.end('blob bytes');
  });
  const registry = await listen((req, res) => {
    seen.push({ path: req.url ?? '', auth: req.headers.authorization });
    if (req.url === '/v2/a/blobs/x') res.writeHead(307, { location: `${storage.url}/bucket/x?sig=1` }).end();
    else if (req.url === '/v2/a/blobs/y') res.writeHead(302, { location: '/v2/a/blobs/y2' }).end();
    else res.end('same origin');
  });
  try {
    const client = createHttpClient({ insecure: () => true, idleTimeoutMs: 5000 });
    const cross = await client.request(new URL(`${registry.url}/v2/a/blobs/x`), { headers: { authorization: 'Bearer secret' } });
    assert.equal(await text(cross.body), 'blob bytes');
    assert.equal(cross.url.host, storage.host);
    const same = await client.request(new URL(`${registry.url}/v2/a/blobs/y`), { headers: { authorization: 'Bearer secret' } });
    assert.equal(await text(same.body), 'same origin');
    assert.deepEqual(seen, [
      { path: '/v2/a/blobs/x', auth: 'Bearer secret' },
      { path: '/bucket/x?sig=1', auth: undefined },
      { path: '/v2/a/blobs/y', auth: 'Bearer secret' },
      { path: '/v2/a/blobs/y2', auth: 'Bearer secret' },
    ]);
  } finally {
    await registry.close();
    await storage.close();
  }
});

test('redirect loops stop after 5 hops', async () => {
  const loop = await listen((_req, res) => void res.writeHead(302, { location: '/again' }).end());
  try {
    const client = createHttpClient({ insecure: () => true, idleTimeoutMs: 5000 });
    await assert.rejects(client.request(new URL(`${loop.url}/start`)), /too many redirects/);
  } finally {
    await loop.close();
  }
});

test('a silent server times out instead of hanging', async () => {
  const silent = await listen(() => undefined);
  try {
    const client = createHttpClient({ insecure: () => true, idleTimeoutMs: 200 });
    await assert.rejects(client.request(new URL(`${silent.url}/v2/`)), (e: NodeJS.ErrnoException) => e.code === 'ETIMEDOUT');
  } finally {
    await silent.close();
  }
});

test('HTTPS with a private CA: refused without the CA file, accepted with it; never downgraded to HTTP', async (t) => {
  if (!(await requireTools(t, 'openssl'))) return;
  const tls = await makeTls(join(dir, 'tls'));
  const plain = await listen((_req, res) => void res.end('plain'));
  const server = https.createServer({ cert: tls.cert, key: tls.key }, (req, res) => {
    if (req.url === '/down') res.writeHead(302, { location: `${plain.url}/x` }).end();
    else res.end('over tls');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const strict = createHttpClient({ insecure: () => false, idleTimeoutMs: 5000 });
    await assert.rejects(strict.request(new URL(`${url}/v2/`)), /self[- ]signed|unable to verify|certificate/i);
    const trusting = createHttpClient({ insecure: () => false, idleTimeoutMs: 5000, ca: tls.ca });
    assert.equal(await text((await trusting.request(new URL(`${url}/v2/`))).body), 'over tls');
    await assert.rejects(trusting.request(new URL(`${url}/down`)), /from HTTPS to plain HTTP/);
  } finally {
    server.closeAllConnections();
    server.close();
    await plain.close();
  }
});

test('the blob cache publishes a blob only when its digest and size match', async () => {
  const cache = await openBlobCache(join(dir, 'cache'));
  assert.ok(cache);
  const bytes = Buffer.from('layer bytes '.repeat(10000));
  const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
  assert.equal(await cache.open(digest), null);
  const passed = await text(cache.tee(digest, bytes.length, Readable.from([bytes.subarray(0, 5000), bytes.subarray(5000)])));
  assert.equal(passed, bytes.toString('utf8'));
  const again = await cache.open(digest);
  assert.ok(again);
  assert.equal(await text(again), bytes.toString('utf8'));

  const wrong = `sha256:${'0'.repeat(64)}`;
  await assert.rejects(text(cache.tee(wrong, bytes.length, Readable.from([bytes]))), (e: Error & { code?: string }) => e.code === 'DIGEST_MISMATCH' && e.message.includes(wrong));
  await assert.rejects(text(cache.tee(digest, 10, Readable.from([bytes]))), /larger than the 10 bytes/);
  assert.equal(await cache.open(wrong), null);
  // Nothing half-written is left behind.
  await new Promise((r) => setTimeout(r, 50));
  assert.deepEqual((await readdir(join(dir, 'cache', 'sha256'))).filter((f) => f.endsWith('.partial')), []);
});
