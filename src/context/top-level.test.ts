// topLevelContextFiles on real directories: what .dockerignore (or <Dockerfile>.dockerignore) leaves at the top.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { topLevelContextFiles } from './top-level.js';

const root = mkdtempSync(path.join(tmpdir(), 'whittle-top-level-'));
after(() => rmSync(root, { recursive: true, force: true }));

// A Node project's top level: a Dockerfile, both manifests, a source folder and a file inside it.
function project(name: string, ignore: Record<string, string> = {}): string {
  const dir = path.join(root, name);
  mkdirSync(path.join(dir, 'src'), { recursive: true });
  for (const f of ['Dockerfile', 'package.json', 'package-lock.json', 'src/index.js']) writeFileSync(path.join(dir, f), 'x\n');
  for (const [f, text] of Object.entries(ignore)) writeFileSync(path.join(dir, f), text);
  return dir;
}

test('without an ignore file: every regular file at the top, sorted, no directories', async () => {
  const dir = project('plain');
  assert.deepEqual(await topLevelContextFiles(dir, path.join(dir, 'Dockerfile')), ['Dockerfile', 'package-lock.json', 'package.json']);
});

test('a manifest the .dockerignore excludes is not listed', async () => {
  const dir = project('excluded', { '.dockerignore': 'package-lock.json\n' });
  assert.deepEqual(await topLevelContextFiles(dir, path.join(dir, 'Dockerfile')), ['.dockerignore', 'Dockerfile', 'package.json']);
});

test('a `!` pattern re-includes what a wider pattern excluded', async () => {
  const dir = project('reinclude', { '.dockerignore': '*.json\n!package.json\n' });
  assert.deepEqual(await topLevelContextFiles(dir, path.join(dir, 'Dockerfile')), ['.dockerignore', 'Dockerfile', 'package.json']);
});

test('<Dockerfile>.dockerignore wins over the context .dockerignore', async () => {
  const dir = project('specific', { '.dockerignore': 'package.json\n', 'Dockerfile.dockerignore': 'package-lock.json\n' });
  const files = await topLevelContextFiles(dir, path.join(dir, 'Dockerfile'));
  assert.deepEqual(files?.filter((f) => f.startsWith('package')), ['package.json']);
  // Another Dockerfile in the same context has no ignore file of its own: the context's applies.
  const other = await topLevelContextFiles(dir, path.join(dir, 'Dockerfile.prod'));
  assert.deepEqual(other?.filter((f) => f.startsWith('package')), ['package-lock.json']);
});

test('a Dockerfile outside the context brings its own ignore file; stdin uses the context one', async () => {
  const dir = project('outside', { '.dockerignore': 'package.json\n' });
  const elsewhere = path.join(root, 'outside-df');
  mkdirSync(elsewhere);
  writeFileSync(path.join(elsewhere, 'Dockerfile.dockerignore'), 'package-lock.json\n');
  const own = await topLevelContextFiles(dir, path.join(elsewhere, 'Dockerfile'));
  assert.deepEqual(own?.filter((f) => f.startsWith('package')), ['package.json']);
  const stdin = await topLevelContextFiles(dir, null);
  assert.deepEqual(stdin?.filter((f) => f.startsWith('package')), ['package-lock.json']);
});

test('an ignore file that does not parse, or a missing directory, gives null', async () => {
  const dir = project('malformed', { '.dockerignore': 'ok\n[z-a]\n' });
  assert.equal(await topLevelContextFiles(dir, path.join(dir, 'Dockerfile')), null);
  assert.equal(await topLevelContextFiles(path.join(root, 'no-such-dir'), null), null);
});
