// Which tags --pin-tags asks about and in what order, which FROM lines it may touch, and which match it keeps.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDockerfile } from '../dockerfile/parse.js';
import { WhittleError, err, ok } from '../errors.js';
import type { RegistryRepository } from '../image/sources/registry.js';
import { chooseVersionTag, mostSpecific, parseVersionTag, tagTargets, versionCandidates } from './pin.js';

const order = (tags: readonly string[], suffix: string | null = null): string[] => versionCandidates(tags, suffix).map((v) => v.tag);

test('version-like tags: numbers, an optional v, an optional -suffix; anything else is no version', () => {
  assert.deepEqual(parseVersionTag('1.2.3'), { tag: '1.2.3', numbers: [1, 2, 3], suffix: null });
  assert.deepEqual(parseVersionTag('v20'), { tag: 'v20', numbers: [20], suffix: null });
  assert.deepEqual(parseVersionTag('20.11-slim-bookworm'), { tag: '20.11-slim-bookworm', numbers: [20, 11], suffix: 'slim-bookworm' });
  for (const tag of ['latest', 'slim', 'bookworm-20240101', '1.', '.1', '1..2', 'v', '1.2-', 'x1.2']) assert.equal(parseVersionTag(tag), null, tag);
});

test('newest first, numerically, and within one line the most specific first', () => {
  assert.deepEqual(order(['1', '1.2', '1.10', '1.2.3', '0.9', '1.1.0', 'latest', '1.9']), ['1.10', '1.9', '1.2.3', '1.2', '1.1.0', '1', '0.9']);
  assert.deepEqual(order(['2', '10', '9.9.9']), ['10', '9.9.9', '2']);
  // Equal numbers: the order is still total, so a listing's order never changes the choice.
  assert.deepEqual(order(['v1.2', '1.2']), ['1.2', 'v1.2']);
  assert.deepEqual(order(['v1.2', '1.2']), order(['1.2', 'v1.2']));
});

test('without a wanted suffix, unsuffixed versions come before every suffixed one', () => {
  assert.deepEqual(order(['1.2.3-slim', '1.2.3', '2.0-rc1', '1.2', 'edge']), ['1.2.3', '1.2', '2.0-rc1', '1.2.3-slim']);
  assert.deepEqual(order(['1.2.3-slim', '1.2.3', '1.3-slim'], 'slim'), ['1.3-slim', '1.2.3-slim', '1.2.3']);
  assert.deepEqual(order(['latest', 'stable', 'main']), []);
});

test('of several matches the most specific wins, the earliest on a tie', () => {
  const v = (t: string): NonNullable<ReturnType<typeof parseVersionTag>> => parseVersionTag(t) ?? assert.fail(t);
  assert.equal(mostSpecific([v('1'), v('1.2.3'), v('1.2')])?.tag, '1.2.3');
  assert.equal(mostSpecific([v('1.2'), v('v1.3')])?.tag, '1.2');
  assert.equal(mostSpecific([]), null);
});

test('targets: untagged and latest registry images only, with the offsets of the image text', () => {
  const text = [
    'ARG BASE=debian',
    'FROM --platform=$BUILDPLATFORM node AS build',
    'FROM build AS again',
    'FROM node:latest',
    'FROM node:20',
    'FROM node@sha256:' + 'a'.repeat(64),
    'FROM $BASE',
    'FROM scratch',
    'FROM localhost:5000/team/app',
    'FROM \\',
    '  ghcr.io/o/app:latest AS x',
    'FROM node:LATEST',
  ].join('\n');
  const df = parseDockerfile(text, 'Dockerfile');
  assert.ok(df.ok);
  const targets = tagTargets(df.value);
  assert.deepEqual(targets.map((t) => [t.line, t.image, t.bare, text.slice(t.start, t.end)]), [
    [2, 'node', 'node', 'node'],
    [4, 'node:latest', 'node', 'node:latest'],
    [9, 'localhost:5000/team/app', 'localhost:5000/team/app', 'localhost:5000/team/app'],
    [10, 'ghcr.io/o/app:latest', 'ghcr.io/o/app', 'ghcr.io/o/app:latest'],
  ]);
});

/** A repository answered from a table: tag -> digest; counts the digests asked for. */
function fakeRepo(tags: Readonly<Record<string, string>>): RegistryRepository & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    ref: { registry: 'r.example', endpoint: 'r.example', repository: 'app', tag: 'latest', digest: null },
    tags: () => Promise.resolve(ok(Object.keys(tags))),
    digest: (t) => {
      asked.push(t);
      const d = tags[t];
      return Promise.resolve(d === undefined ? err(new WhittleError('NOT_FOUND', `no tag ${t}`, {})) : ok(d));
    },
  };
}

test('chooseVersionTag: the most specific tag naming latest\'s image; a note when none does', async () => {
  const repo = fakeRepo({ latest: 'A', '1': 'A', '1.2': 'A', '1.2.3': 'A', '1.2.3-slim': 'A', '1.3.0': 'B', '0.9': 'B' });
  assert.deepEqual(await chooseVersionTag(repo), ok({ tag: '1.2.3' }));
  // 1.3.0 first (newest), then 1.2.3 in the same batch: nothing past the first batch with a match is asked.
  assert.deepEqual(repo.asked, ['latest', '1.3.0', '1.2.3', '1.2', '1']);
  assert.deepEqual(await chooseVersionTag(fakeRepo({ latest: 'A', '1.0': 'B' })), ok({ tag: null, why: 'no version tag points at the same image as latest' }));
  assert.deepEqual(await chooseVersionTag(fakeRepo({ latest: 'A', stable: 'A' })), ok({ tag: null, why: 'the repository has no version tags' }));
  assert.deepEqual(await chooseVersionTag(fakeRepo({ latest: 'A', '1.2.3-slim': 'A', '1.2': 'B' })), ok({ tag: '1.2.3-slim' }));
});

test('chooseVersionTag asks about at most 50 tags and says so', async () => {
  const table: Record<string, string> = { latest: 'A', '0.1': 'A' };
  for (let i = 1; i <= 60; i++) table[`${i}.0`] = 'B';
  const repo = fakeRepo(table);
  assert.deepEqual(await chooseVersionTag(repo), ok({ tag: null, why: 'no version tag among the 50 newest points at the same image as latest' }));
  assert.equal(repo.asked.length, 51);
});
