// readSurroundings against real directories: which ignore file wins, local base images read, notes for the rest.
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli } from '../../test/cli/helpers.js';
import { buildImage, tempDir, writeDockerArchive } from '../../test/fixtures/synthetic.js';
import { parseOrThrow } from '../rules/testing.js';
import { readSurroundings } from './lint-surroundings.js';

const opts = { pull: false, env: {}, buildArgs: {} };

test('the Dockerfile-specific ignore file wins; --context moves the root one', async (t) => {
  const { dir, cleanup } = await tempDir();
  t.after(cleanup);
  await mkdir(join(dir, 'app'));
  await mkdir(join(dir, 'ctx'));
  await writeFile(join(dir, 'app/.dockerignore'), '*.env\n');
  await writeFile(join(dir, 'ctx/.dockerignore'), '*.log\n');
  const df = parseOrThrow('FROM scratch\n');
  const own = await readSurroundings(df, 'app/Dockerfile', { ...opts, cwd: dir });
  assert.equal(own.context.dockerignore?.ignores('a.env'), true);
  const moved = await readSurroundings(df, 'app/Dockerfile', { ...opts, cwd: dir, context: 'ctx' });
  assert.equal(moved.context.dockerignore?.ignores('a.env'), false);
  assert.equal(moved.context.dockerignore?.ignores('a.log'), true);
  await writeFile(join(dir, 'app/Dockerfile.dockerignore'), 'secrets\n');
  const specific = await readSurroundings(df, 'app/Dockerfile', { ...opts, cwd: dir, context: 'ctx' });
  assert.equal(specific.context.dockerignore?.ignores('secrets/key'), true);
  assert.equal(specific.context.dockerignore?.ignores('a.log'), false);
});

test('a bad ignore pattern is a note naming its line', async (t) => {
  const { dir, cleanup } = await tempDir();
  t.after(cleanup);
  await writeFile(join(dir, '.dockerignore'), 'ok\n[z-a]\n');
  const r = await readSurroundings(parseOrThrow('FROM scratch\n'), 'Dockerfile', { ...opts, cwd: dir });
  assert.equal(r.context.dockerignore, null);
  assert.match(r.notes.join('\n'), /\.dockerignore:2: .*\[z-a\]/);
});

test('a local archive base is read; a registry base without --pull is a note', async (t) => {
  const { dir, cleanup } = await tempDir();
  t.after(cleanup);
  const image = await buildImage({ layers: [{ files: { 'etc/os-release': 'x' } }], architecture: 'arm64', config: { Env: ['PATH=/bin', 'PYTHON_VERSION=3.12.1'] } });
  await writeDockerArchive(join(dir, 'base.tar'), image);
  const df = parseOrThrow('FROM docker-archive:base.tar\nARG V=$PYTHON_VERSION\nFROM python:3.12\nCOPY $APP_HOME /x\n');
  const r = await readSurroundings(df, 'Dockerfile', { ...opts, cwd: dir });
  assert.deepEqual(r.context.baseImageEnv?.['docker-archive:base.tar'], ['PATH', 'PYTHON_VERSION']);
  assert.equal(r.context.basePlatforms?.['docker-archive:base.tar'], 'linux/arm64');
  assert.equal(r.context.baseImageEnv?.['python:3.12'], null);
  assert.deepEqual(r.notes, ['Dockerfile: base image python:3.12 not read (pass --pull to read it from its registry); UndefinedVar assumed it defines $APP_HOME (line 4)']);
});

test('whittle lint end to end: --context, --build-arg, and the note', async (t) => {
  const { dir, cleanup } = await tempDir();
  t.after(cleanup);
  await mkdir(join(dir, 'ctx'));
  await writeFile(join(dir, 'ctx/.dockerignore'), '*.env\n');
  await writeFile(join(dir, 'Dockerfile'), 'ARG BASE\nFROM ${BASE}\nARG ENV_FILE=prod.env\nCOPY $ENV_FILE $CONF /etc/\n');
  const args = ['lint', '--shellcheck', 'off', '-f', 'json', '--no-fail', '--context', 'ctx', '--build-arg', 'BASE=python:3.12', 'Dockerfile'];
  const r = await runCli(args, { cwd: dir });
  const out = JSON.parse(r.stdout) as { findings: { rule: string; line: number; message: string }[]; notes: string[] };
  const mine = out.findings.filter((f) => ['CopyIgnoredFile', 'UndefinedVar', 'InvalidDefaultArgInFrom'].includes(f.rule));
  assert.deepEqual(mine.map((f) => `${f.rule}:${f.line}`), ['InvalidDefaultArgInFrom:2', 'CopyIgnoredFile:4']);
  assert.ok(out.notes.some((n) => n.includes('python:3.12') && n.includes('$CONF (line 4)')), out.notes.join('\n'));
});
