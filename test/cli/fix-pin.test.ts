// `whittle fix --pin-tags` (and with --pin-digests) against the reference registry: version tags chosen by digest,
// multi-platform indexes pinned by the index's digest, tag lists paged for real, and failures on one line.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { listTags, resolveDigest } from '../../src/image/sources/registry.js';
import { freePort, listen, requireTools, run, tinyImagesAndRegistry } from '../fixtures/registry.js';
import { runCli } from './helpers.js';

const dir = await mkdtemp(join(tmpdir(), 'whittle-fix-pin-'));
after(() => rm(dir, { recursive: true, force: true }));

const ACCEPT = [
  'application/vnd.oci.image.index.v1+json', 'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json', 'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

/** The manifest (or index) bytes a tag names and their sha256, read without whittle. */
async function manifestOf(host: string, repo: string, tag: string): Promise<{ bytes: Buffer; type: string; digest: string }> {
  const res = await fetch(`http://${host}/v2/${repo}/manifests/${tag}`, { headers: { accept: ACCEPT } });
  assert.equal(res.status, 200, `${repo}:${tag}`);
  const bytes = Buffer.from(await res.arrayBuffer());
  return { bytes, type: res.headers.get('content-type') ?? '', digest: `sha256:${createHash('sha256').update(bytes).digest('hex')}` };
}

/** Tag what `from` names as `to` too, in the same repository: the very same manifest bytes under another tag. */
async function retag(host: string, repo: string, from: string, ...to: string[]): Promise<void> {
  const m = await manifestOf(host, repo, from);
  for (const tag of to) {
    const res = await fetch(`http://${host}/v2/${repo}/manifests/${tag}`, { method: 'PUT', headers: { 'content-type': m.type }, body: m.bytes });
    assert.equal(res.status, 201, `PUT ${repo}:${tag}`);
  }
}

test('--pin-tags against the reference registry', async (t) => {
  if (!(await requireTools(t, 'docker-registry', 'buildah', 'skopeo'))) return;
  const work = join(dir, 'pin');
  const { b, registry } = await tinyImagesAndRegistry(t, work);
  const host = registry.host;
  const push = (image: string, ref: string): Promise<string> => run('skopeo', ['copy', '--dest-tls-verify=false', b.transport(image), `docker://${host}/${ref}`]);
  // app: image A is latest, 1, 1.2, 1.2.3 and 1.2.3-slim; a different image B is 1.1.0, 0.9 and 1.3.0-rc1.
  await push('localhost/tiny-amd64', 'app:latest');
  await retag(host, 'app', 'latest', '1', '1.2', '1.2.3', '1.2.3-slim');
  await push('localhost/tiny-arm64', 'app:1.1.0');
  await retag(host, 'app', '1.1.0', '0.9', '1.3.0-rc1');
  // stale: latest moved on to B and no version tag followed it.
  await push('localhost/tiny-arm64', 'stale:latest');
  await push('localhost/tiny-amd64', 'stale:1.0');
  // multi: a two-platform index, latest and 3.1.
  await run('buildah', [...b.storage, 'manifest', 'create', 'multi']);
  await run('buildah', [...b.storage, 'manifest', 'add', 'multi', 'localhost/tiny-amd64']);
  await run('buildah', [...b.storage, 'manifest', 'add', 'multi', 'localhost/tiny-arm64']);
  await run('buildah', [...b.storage, 'manifest', 'push', '--all', '--tls-verify=false', 'multi', `docker://${host}/multi:latest`]);
  await retag(host, 'multi', 'latest', '3', '3.1');

  const env = { PATH: process.env.PATH, HOME: work };
  const fix = (text: string, ...flags: string[]): ReturnType<typeof runCli> => runCli(['fix', ...flags, '--rule', 'DL3020', '-'], { stdin: text, env });
  const a = (await manifestOf(host, 'app', 'latest')).digest;

  await t.test('untagged and :latest become the most specific version tag of the same image; flags, alias and the rest stay', async () => {
    const text = `# base\nFROM ${host}/app\nFROM --platform=linux/amd64   ${host}/app:latest  AS x\nFROM x\nFROM scratch\nFROM ${host}/app:1\n`;
    const r = await fix(text, '--pin-tags');
    assert.equal(r.stderr, '');
    assert.equal(r.stdout, `# base\nFROM ${host}/app:1.2.3\nFROM --platform=linux/amd64   ${host}/app:1.2.3  AS x\nFROM x\nFROM scratch\nFROM ${host}/app:1\n`);
  });

  await t.test('with --pin-digests the digest follows the new tag; a tagged FROM gets only the digest', async () => {
    const r = await fix(`FROM ${host}/app AS base\nFROM ${host}/app:1\n`, '--pin-tags', '--pin-digests');
    assert.equal(r.stdout, `FROM ${host}/app:1.2.3@${a} AS base\nFROM ${host}/app:1@${a}\n`, r.stderr);
  });

  await t.test('a repository whose latest no version tag names: unchanged, one note naming file and line', async () => {
    const text = `FROM ${host}/app\nFROM ${host}/stale\n`;
    const r = await fix(text, '--pin-tags');
    assert.equal(r.stdout, `FROM ${host}/app:1.2.3\nFROM ${host}/stale\n`);
    assert.equal(r.stderr, `whittle: <stdin>:2: cannot pin a version tag for ${host}/stale: no version tag points at the same image as latest\n`);
    assert.notEqual(r.exit, 2);
  });

  await t.test('a multi-platform image is pinned by the index digest, not a platform manifest', async () => {
    const index = await manifestOf(host, 'multi', 'latest');
    assert.match(index.type, /index|list/);
    const children = (JSON.parse(index.bytes.toString('utf8')) as { manifests: { digest: string }[] }).manifests.map((m) => m.digest);
    assert.equal(children.length, 2);
    assert.ok(!children.includes(index.digest));
    const r = await fix(`FROM ${host}/multi:latest\n`, '--pin-tags', '--pin-digests');
    assert.equal(r.stdout, `FROM ${host}/multi:3.1@${index.digest}\n`, r.stderr);
    const digestsOnly = await fix(`FROM ${host}/multi:3\n`, '--pin-digests');
    assert.equal(digestsOnly.stdout, `FROM ${host}/multi:3@${index.digest}\n`, digestsOnly.stderr);
    const resolved = await resolveDigest(`${host}/multi:3.1`, { env });
    assert.deepEqual(resolved, { ok: true, value: index.digest });
  });

  await t.test('listTags: every tag; a page size the registry ignores still gives them all', async () => {
    const whole = await listTags(`${host}/app`, { env });
    assert.ok(whole.ok);
    assert.deepEqual([...whole.value].sort(), ['0.9', '1', '1.1.0', '1.2', '1.2.3', '1.2.3-slim', '1.3.0-rc1', 'latest']);
    // Distribution 2.8 pages only the catalog; `?n=` on a tag list is ignored and no Link comes back.
    const pages: string[] = [];
    const paged = await listTags(`${host}/app`, { env, pageSize: 3, onRequest: (_m, url) => void (url.pathname.endsWith('/tags/list') && pages.push(url.search)) });
    assert.deepEqual(paged, whole);
    assert.deepEqual(pages, ['?n=3']);
  });

  await t.test('a repository that does not exist: exit 2, one line naming the line', async () => {
    const r = await fix(`FROM debian:12\nFROM ${host}/nope\n`, '--pin-tags');
    assert.equal(r.exit, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, new RegExp(`^whittle: <stdin>:2: cannot pin a version tag for ${host.replace(/\./g, '\\.')}/nope: .*no (repository|tag)`));
    assert.equal(r.stderr.split('\n').length, 2);
  });
});

test('--pin-tags with an unreachable registry: exit 2, one line naming file:line', async () => {
  const host = `127.0.0.1:${await freePort()}`;
  const r = await runCli(['fix', '--pin-tags', '--rule', 'DL3020', '-'], { stdin: `FROM debian:12\n\nFROM ${host}/app AS run\n`, env: { PATH: process.env.PATH, HOME: dir } });
  assert.equal(r.exit, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, new RegExp(`^whittle: <stdin>:3: cannot pin a version tag for ${host.replace(/\./g, '\\.')}/app: cannot reach [^\\n]*\\n$`));
});

test('listTags follows Link pages (?n=, ?last=) on this origin only, and stops at maxTags or a loop', async (t) => {
  const all = Array.from({ length: 10 }, (_, i) => `1.${i}`);
  const seen: string[] = [];
  let link = (last: string, n: number): string => `</v2/app/tags/list?last=${last}&n=${n}>; rel="next"`;
  const server = await listen((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/v2/') return void res.writeHead(200).end('{}');
    if (url.pathname !== '/v2/app/tags/list') return void res.writeHead(404).end();
    seen.push(url.search);
    const n = Number(url.searchParams.get('n') ?? all.length);
    const from = all.indexOf(url.searchParams.get('last') ?? '') + 1;
    const page = all.slice(from, from + n);
    const more = from + n < all.length;
    res.writeHead(200, { 'content-type': 'application/json', ...(more ? { link: link(page.at(-1) ?? '', n) } : {}) });
    res.end(JSON.stringify({ name: 'app', tags: page }));
  });
  t.after(() => server.close());
  const env = { HOME: dir };

  assert.deepEqual(await listTags(`${server.host}/app`, { env, pageSize: 4 }), { ok: true, value: all });
  assert.deepEqual(seen, ['?n=4', '?last=1.3&n=4', '?last=1.7&n=4']);

  seen.length = 0;
  assert.deepEqual(await listTags(`${server.host}/app`, { env, pageSize: 4, maxTags: 6 }), { ok: true, value: all.slice(0, 6) });
  assert.equal(seen.length, 2, 'no page is asked for past the bound');

  seen.length = 0;
  link = () => `<http://elsewhere.example/v2/app/tags/list?last=x>; rel="next"`;
  assert.deepEqual(await listTags(`${server.host}/app`, { env, pageSize: 4 }), { ok: true, value: all.slice(0, 4) });
  assert.equal(seen.length, 1, 'a page on another origin is not fetched');

  seen.length = 0;
  link = (_l, n) => `</v2/app/tags/list?n=${n}>; rel="next"`;
  assert.deepEqual(await listTags(`${server.host}/app`, { env, pageSize: 4 }), { ok: true, value: all.slice(0, 4) });
  assert.deepEqual(seen, ['?n=4'], 'a page linking to itself ends the listing');
});

test('resolveDigest falls back to GET when HEAD gives no digest, and checks the digest the registry names', async (t) => {
  const body = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: {}, layers: [] }));
  const real = `sha256:${createHash('sha256').update(body).digest('hex')}`;
  let named: string | null = real;
  const methods: string[] = [];
  const server = await listen((req, res) => {
    if (req.url === '/v2/') return void res.writeHead(200).end('{}');
    methods.push(req.method ?? '');
    if (req.method === 'HEAD') return void res.writeHead(405).end();
    res.writeHead(200, { 'content-type': 'application/vnd.oci.image.manifest.v1+json', ...(named !== null ? { 'docker-content-digest': named } : {}) });
    res.end(body);
  });
  t.after(() => server.close());
  const env = { HOME: dir };
  assert.deepEqual(await resolveDigest(`${server.host}/app:1`, { env }), { ok: true, value: real });
  assert.deepEqual(methods, ['HEAD', 'GET']);
  named = null;
  assert.deepEqual(await resolveDigest(`${server.host}/app:1`, { env }), { ok: true, value: real });
  named = `sha256:${'0'.repeat(64)}`;
  const lying = await resolveDigest(`${server.host}/app:1`, { env });
  assert.equal(lying.ok, false);
  assert.equal(!lying.ok && lying.error.code, 'DIGEST_MISMATCH');
});
