// Reference parsing as `docker pull` reads names, and the plain-HTTP policy for registry hosts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatReference, isInsecureAllowed, isLocalAddress, isLoopback, parseReference } from './reference.js';

const D = `sha256:${'a'.repeat(64)}`;

const cases: [string, { registry: string; endpoint: string; repository: string; tag: string | null; digest: string | null }][] = [
  ['alpine', { registry: 'docker.io', endpoint: 'registry-1.docker.io', repository: 'library/alpine', tag: 'latest', digest: null }],
  ['alpine:3.20', { registry: 'docker.io', endpoint: 'registry-1.docker.io', repository: 'library/alpine', tag: '3.20', digest: null }],
  ['bitnami/redis:7', { registry: 'docker.io', endpoint: 'registry-1.docker.io', repository: 'bitnami/redis', tag: '7', digest: null }],
  ['docker.io/alpine', { registry: 'docker.io', endpoint: 'registry-1.docker.io', repository: 'library/alpine', tag: 'latest', digest: null }],
  ['index.docker.io/library/alpine:1', { registry: 'docker.io', endpoint: 'registry-1.docker.io', repository: 'library/alpine', tag: '1', digest: null }],
  ['localhost/app', { registry: 'localhost', endpoint: 'localhost', repository: 'app', tag: 'latest', digest: null }],
  ['localhost:5000/team/app:v1.2', { registry: 'localhost:5000', endpoint: 'localhost:5000', repository: 'team/app', tag: 'v1.2', digest: null }],
  ['127.0.0.1:5000/app@' + D, { registry: '127.0.0.1:5000', endpoint: '127.0.0.1:5000', repository: 'app', tag: null, digest: D }],
  ['ghcr.io/o/r:t@' + D, { registry: 'ghcr.io', endpoint: 'ghcr.io', repository: 'o/r', tag: 't', digest: D }],
  ['[::1]:5000/app:1', { registry: '[::1]:5000', endpoint: '[::1]:5000', repository: 'app', tag: '1', digest: null }],
  ['Registry.Example.com/a/b', { registry: 'registry.example.com', endpoint: 'registry.example.com', repository: 'a/b', tag: 'latest', digest: null }],
];

test('references resolve as docker pull resolves them', () => {
  for (const [text, want] of cases) {
    const r = parseReference(text);
    assert.ok(r.ok, text);
    assert.deepEqual(r.value, want, text);
  }
});

test('invalid references are usage errors naming the part that is wrong', () => {
  for (const [text, part] of [['App:1', 'repository'], ['app:-x', 'tag'], ['app@sha256:12', 'digest'], ['', 'repository'], ['host:5000/', 'repository']] as const) {
    const r = parseReference(text);
    assert.ok(!r.ok, text);
    assert.equal(r.error.code, 'USAGE');
    assert.match(r.error.message, new RegExp(part), text);
  }
});

test('formatReference spells the reference in full', () => {
  const r = parseReference('alpine');
  assert.ok(r.ok);
  assert.equal(formatReference(r.value), 'docker.io/library/alpine:latest');
});

test('only loopback may speak plain HTTP unless a host is listed insecure', () => {
  for (const h of ['localhost', 'localhost:5000', '127.0.0.1:5000', '127.3.2.1', '[::1]:5000', 'foo.localhost']) assert.ok(isLoopback(h), h);
  for (const h of ['10.0.0.1:5000', 'example.com', '128.0.0.1', 'localhost.example.com']) assert.ok(!isLoopback(h), h);
  assert.ok(!isInsecureAllowed('reg.lan:5000', []));
  assert.ok(isInsecureAllowed('reg.lan:5000', ['reg.lan:5000']));
  assert.ok(isInsecureAllowed('reg.lan:5000', ['reg.lan']));
  assert.ok(isInsecureAllowed('reg.lan:5000', ['http://REG.lan:5000/']));
  assert.ok(!isInsecureAllowed('reg.lan:5000', ['reg.lan:6000']));
  assert.ok(!isInsecureAllowed('reg.lan', ['']));
  assert.ok(isLocalAddress('169.254.169.254'));
  assert.ok(!isLocalAddress('auth.docker.io'));
});
