// `whittle inspect` against the reference registry behind htpasswd and TLS: --username/--password-stdin,
// --ca-file, --insecure-registry and WHITTLE_INSECURE_REGISTRIES, reached through main() as a user would.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { freePort, requireTools, run, startRegistry } from '../fixtures/registry.js';
import type { Tls } from '../fixtures/registry.js';
import { buildImage, tempDir, writeOciLayout } from '../fixtures/synthetic.js';
import { runCli } from './helpers.js';

/** Loopback registries may skip TLS checks anyway; the flags only show on an address that is not loopback. */
function outsideAddress(): string | null {
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return null;
}

/** A CA and a server certificate valid for 127.0.0.1 and `ip`. */
async function tlsFor(dir: string, ip: string): Promise<Tls> {
  const p = (n: string): string => join(dir, n);
  await run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', p('ca.key'), '-out', p('ca.pem'), '-days', '2', '-subj', '/CN=whittle cli test CA']);
  await run('openssl', ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', p('server.key'), '-out', p('server.csr'), '-subj', '/CN=127.0.0.1']);
  await writeFile(p('ext.cnf'), `subjectAltName=IP:127.0.0.1,IP:${ip}\n`);
  await run('openssl', ['x509', '-req', '-in', p('server.csr'), '-CA', p('ca.pem'), '-CAkey', p('ca.key'), '-CAcreateserial', '-out', p('server.pem'), '-days', '2', '-extfile', p('ext.cnf')]);
  const text = (n: string): Promise<string> => readFile(p(n), 'utf8');
  return { caFile: p('ca.pem'), certFile: p('server.pem'), keyFile: p('server.key'), ca: await text('ca.pem'), cert: await text('server.pem'), key: await text('server.key') };
}

/** Forwards `ip:port` to the loopback registry, so it can be reached at an address that is not loopback. */
async function forward(ip: string, target: string): Promise<{ host: string; close(): Promise<void> }> {
  const [thost, tport] = target.split(':') as [string, string];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((c) => {
    const up = net.connect(Number(tport), thost);
    sockets.add(c).add(up);
    c.pipe(up).pipe(c);
    c.on('error', () => up.destroy());
    up.on('error', () => c.destroy());
  });
  server.listen(await freePort(), ip);
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  // Keep-alive connections from the client in this process would hold the server open: cut them.
  return { host: `${ip}:${port}`, close: async () => { server.close(); for (const s of sockets) s.destroy(); await once(server, 'close'); } };
}

test('inspect reads a registry with --username/--password-stdin, --ca-file and --insecure-registry', async (t) => {
  if (!(await requireTools(t, 'docker-registry', 'skopeo', 'htpasswd', 'openssl'))) return;
  const ip = outsideAddress() ?? '127.0.0.1';
  const work = await tempDir();
  const registry = await startRegistry(join(work.dir, 'registry'), { htpasswd: { user: 'alice', password: 's3cret:x' }, tls: await tlsFor(work.dir, ip) });
  const proxy = await forward(ip, registry.host);
  try {
    const built = await buildImage({ layers: [{ files: { 'hello.txt': 'hi\n' }, createdBy: 'COPY hello.txt /' }] });
    const layout = await writeOciLayout(join(work.dir, 'layout'), [{ image: built }]);
    await run('skopeo', ['--insecure-policy', 'copy', '--dest-tls-verify=false', '--dest-creds', 'alice:s3cret:x', `oci:${layout}`, `docker://${registry.host}/app:1`]);
    const env = { PATH: process.env.PATH, HOME: work.dir, WHITTLE_CACHE_DIR: join(work.dir, 'cache') };
    const inspect = (host: string, flags: string[], opts: { stdin?: string; env?: Record<string, string | undefined> } = {}) =>
      runCli(['inspect', '--format', 'json', ...flags, `${host}/app:1`], { cwd: work.dir, env: opts.env ?? env, stdin: opts.stdin ?? '' });
    const digestOf = (stdout: string): unknown => (JSON.parse(stdout) as { image: { digest: string } }).image.digest;
    const login = ['--username', 'alice', '--password-stdin'];

    // Credentials from stdin (trailing newline dropped); the CA file relative to the working directory.
    const ok = await inspect(registry.host, [...login, '--ca-file', 'ca.pem'], { stdin: 's3cret:x\n' });
    assert.equal(ok.stderr, '');
    assert.equal(ok.exit, 0);
    assert.equal(digestOf(ok.stdout), built.manifestDigest);

    const anonymous = await inspect(registry.host, []);
    assert.equal(anonymous.exit, 2);
    assert.match(anonymous.stderr, /requires a login/);
    const wrong = await inspect(registry.host, login, { stdin: 'nope\n' });
    assert.equal(wrong.exit, 2);
    assert.match(wrong.stderr, /authentication failed for app with/);
    const noStdin = await inspect(registry.host, ['--username', 'alice']);
    assert.equal(noStdin.exit, 2);
    assert.match(noStdin.stderr, /--username needs --password-stdin/);
    assert.equal(noStdin.stdout, '');

    if (ip === '127.0.0.1') return; // no other address to reach the registry by: the loopback checks above stand
    // At an address that is not loopback, TLS is verified: an unknown CA fails unless trusted or allowed.
    const untrusted = await inspect(proxy.host, login, { stdin: 's3cret:x' });
    assert.equal(untrusted.exit, 2);
    assert.match(untrusted.stderr, new RegExp(proxy.host.replace(/\./g, '\\.')));
    for (const [flags, extra] of [
      [['--ca-file', join(work.dir, 'ca.pem')], {}],
      [['--insecure-registry', 'other.example:5000', '--insecure-registry', proxy.host], {}],
      [[], { WHITTLE_INSECURE_REGISTRIES: `other.example,${proxy.host}` }],
    ] as const) {
      const r = await inspect(proxy.host, [...login, ...flags], { stdin: 's3cret:x', env: { ...env, ...extra } });
      assert.equal(r.stderr, '', `${flags.join(' ')} ${JSON.stringify(extra)}`);
      assert.equal(r.exit, 0);
      assert.equal(digestOf(r.stdout), built.manifestDigest);
    }
  } finally {
    await proxy.close();
    await registry.stop();
    await work.cleanup();
  }
});
