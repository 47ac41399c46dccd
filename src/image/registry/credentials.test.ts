// Credentials from Docker's and Podman's auth files and from credential helpers (a real helper program on PATH).
import assert from 'node:assert/strict';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { authFiles, candidateKeys, findCredentials } from './credentials.js';

let dir = '';
const b64 = (s: string): string => Buffer.from(s).toString('base64');

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'whittle-creds-'));
  await mkdir(join(dir, 'home', '.docker'), { recursive: true });
  await mkdir(join(dir, 'bin'));
  // A credential helper speaking the docker-credential protocol: server URL on stdin, JSON on stdout.
  await writeFile(join(dir, 'bin', 'docker-credential-fake'), [
    '#!/bin/sh',
    'read server',
    'case "$server" in',
    '  helped.example) echo "{\\"ServerURL\\":\\"$server\\",\\"Username\\":\\"hu\\",\\"Secret\\":\\"hp\\"}" ;;',
    '  tok.example) echo "{\\"ServerURL\\":\\"$server\\",\\"Username\\":\\"<token>\\",\\"Secret\\":\\"refresh\\"}" ;;',
    '  *) echo "credentials not found in native keychain"; exit 1 ;;',
    'esac',
  ].join('\n'));
  await chmod(join(dir, 'bin', 'docker-credential-fake'), 0o755);
  await writeFile(join(dir, 'home', '.docker', 'config.json'), JSON.stringify({
    auths: {
      'https://index.docker.io/v1/': { auth: b64('hubuser:hub:pass') },
      'plain.example:5000': { auth: b64('pu:pp') },
      'id.example': { auth: b64('x:y'), identitytoken: 'idtok' },
      'stored.example': {},
    },
    credHelpers: { 'helped.example': 'fake', 'tok.example': 'fake', 'missing.example': 'nosuchhelper' },
    credsStore: 'fake',
  }));
  await writeFile(join(dir, 'auth.json'), JSON.stringify({
    auths: { 'scoped.example/team/app': { auth: b64('scoped:1') }, 'scoped.example': { auth: b64('host:2') } },
  }));
});

after(async () => {
  await rm(dir, { recursive: true, force: true });
});

function env(extra: Record<string, string> = {}): Record<string, string | undefined> {
  return { HOME: join(dir, 'home'), PATH: `${join(dir, 'bin')}:${process.env.PATH ?? ''}`, ...extra };
}

test('candidate keys go from the most specific path to the host; Docker Hub uses its legacy names', () => {
  assert.deepEqual(candidateKeys('r.io:5000', 'a/b'), ['r.io:5000/a/b', 'r.io:5000/a', 'r.io:5000']);
  assert.ok(candidateKeys('docker.io', 'library/alpine').includes('index.docker.io'));
});

test('config.json auth entries decode (a password may contain a colon); Docker Hub is found under its v1 URL', async () => {
  const hub = await findCredentials('docker.io', 'library/alpine', { env: env() });
  assert.deepEqual(hub.ok && hub.value, { kind: 'basic', username: 'hubuser', password: 'hub:pass', from: join(dir, 'home', '.docker', 'config.json') });
  const plain = await findCredentials('plain.example:5000', 'x', { env: env() });
  assert.ok(plain.ok && plain.value?.kind === 'basic' && plain.value.password === 'pp');
});

test('an identitytoken wins over the basic auth beside it', async () => {
  const r = await findCredentials('id.example', 'x', { env: env() });
  assert.deepEqual(r.ok && r.value, { kind: 'identity', token: 'idtok', from: join(dir, 'home', '.docker', 'config.json') });
});

test('credHelpers and credsStore run docker-credential-<name> get', async () => {
  const helped = await findCredentials('helped.example', 'x', { env: env() });
  assert.deepEqual(helped.ok && helped.value, { kind: 'basic', username: 'hu', password: 'hp', from: 'docker-credential-fake' });
  const token = await findCredentials('tok.example', 'x', { env: env() });
  assert.deepEqual(token.ok && token.value, { kind: 'identity', token: 'refresh', from: 'docker-credential-fake' });
  // `{}` placeholder: the secret is in the store, whose helper does not know this server.
  const stored = await findCredentials('stored.example', 'x', { env: env() });
  assert.deepEqual(stored, { ok: true, value: null });
});

test('a configured helper that is not installed is an AUTH error naming it', async () => {
  const r = await findCredentials('missing.example', 'x', { env: env() });
  assert.ok(!r.ok);
  assert.equal(r.error.code, 'AUTH');
  assert.match(r.error.message, /docker-credential-nosuchhelper/);
});

test('$REGISTRY_AUTH_FILE is read first, most specific repository key first', async () => {
  const e = env({ REGISTRY_AUTH_FILE: join(dir, 'auth.json') });
  const app = await findCredentials('scoped.example', 'team/app', { env: e });
  assert.ok(app.ok && app.value?.kind === 'basic' && app.value.username === 'scoped');
  const other = await findCredentials('scoped.example', 'team/other', { env: e });
  assert.ok(other.ok && other.value?.kind === 'basic' && other.value.username === 'host');
  // Not in the podman file: Docker's config is still consulted.
  const hub = await findCredentials('docker.io', 'library/alpine', { env: e });
  assert.ok(hub.ok && hub.value?.kind === 'basic' && hub.value.username === 'hubuser');
});

test('--username with a password wins; without one it is a usage error', async () => {
  const r = await findCredentials('plain.example:5000', 'x', { username: 'me', password: 'pw', env: env() });
  assert.deepEqual(r.ok && r.value, { kind: 'basic', username: 'me', password: 'pw', from: '--username' });
  const bad = await findCredentials('plain.example:5000', 'x', { username: 'me', env: env() });
  assert.ok(!bad.ok && bad.error.code === 'USAGE');
});

test('no auth files and no flags: anonymous', async () => {
  const r = await findCredentials('nowhere.example', 'x', { env: { HOME: join(dir, 'empty') } });
  assert.deepEqual(r, { ok: true, value: null });
});

test('auth files are read in Podman\'s order, then Docker\'s', () => {
  assert.deepEqual(authFiles({ HOME: '/h', XDG_RUNTIME_DIR: '/run/user/1' }), ['/run/user/1/containers/auth.json', '/h/.config/containers/auth.json', '/h/.docker/config.json']);
  assert.deepEqual(authFiles({ HOME: '/h', REGISTRY_AUTH_FILE: '/a.json', DOCKER_CONFIG: '/d' }), ['/a.json', '/d/config.json']);
});
