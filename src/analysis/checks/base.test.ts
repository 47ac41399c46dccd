// Base-image layers and the Dockerfile-to-layer mapping, over the history styles of BuildKit, the classic builder and Buildah.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDockerfile } from '../../dockerfile/parse.js';
import type { Dockerfile } from '../../dockerfile/model.js';
import type { HistoryEntry, ImageConfig } from '../../image/model.js';
import { detectBase, historyBoundary, mapDockerfile, parseCreatedBy } from './base.js';

function df(text: string): Dockerfile {
  const r = parseDockerfile(text);
  assert.ok(r.ok);
  return r.value;
}

/** A config whose history is `[createdBy, emptyLayer]` pairs; one diff ID per non-empty entry. */
function config(entries: readonly [string, boolean][], labels: Record<string, string> = {}): ImageConfig {
  const history: HistoryEntry[] = entries.map(([createdBy, emptyLayer]) => ({ created: null, createdBy, comment: null, emptyLayer }));
  const diffIds = history.filter((h) => !h.emptyLayer).map((_, i) => `sha256:${String(i).padStart(64, '0')}`);
  return { os: 'linux', architecture: 'amd64', variant: null, user: null, env: [], entrypoint: null, cmd: null, exposedPorts: [], labels, healthcheck: null, workingDir: null, diffIds, history };
}

const DEBIAN_BASE: [string, boolean][] = [
  ['/bin/sh -c #(nop) ADD file:4b1be1de1a1e1b1 in / ', false],
  ['/bin/sh -c #(nop)  CMD ["bash"]', true],
];

test('created_by in each builder\'s style', () => {
  assert.deepEqual(parseCreatedBy('RUN /bin/sh -c apt-get update # buildkit'), { keyword: 'RUN', text: 'apt-get update' });
  assert.deepEqual(parseCreatedBy('RUN |2 A=1 B=two /bin/sh -c make   all # buildkit'), { keyword: 'RUN', text: 'make all' });
  assert.deepEqual(parseCreatedBy('|1 TOKEN=x /bin/sh -c npm ci'), { keyword: 'RUN', text: 'npm ci' });
  assert.deepEqual(parseCreatedBy('/bin/sh -c npm ci'), { keyword: 'RUN', text: 'npm ci' });
  assert.deepEqual(parseCreatedBy('RUN /bin/bash -o pipefail -c curl x | sh # buildkit'), { keyword: 'RUN', text: 'curl x | sh' });
  assert.deepEqual(parseCreatedBy('/bin/sh -c #(nop) COPY dir:abc in /app '), { keyword: 'COPY', text: 'dir:abc in /app' });
  assert.deepEqual(parseCreatedBy('/bin/sh -c #(nop)  ENV A=b'), { keyword: 'ENV', text: 'A=b' });
  assert.deepEqual(parseCreatedBy('EXPOSE map[8080/tcp:{}]'), { keyword: 'EXPOSE', text: 'map[8080/tcp:{}]' });
  assert.deepEqual(parseCreatedBy('# debian.sh --arch amd64 out/ bookworm'), { keyword: null, text: '# debian.sh --arch amd64 out/ bookworm' });
  assert.deepEqual(parseCreatedBy(null), { keyword: null, text: '' });
});

const DOCKERFILE = 'FROM debian:bookworm\nARG VERSION=1\nENV APP=/app\nRUN apt-get update && \\\n    apt-get install -y curl\nCOPY . /app\nUSER app\nCMD ["/app/run"]\n';

test('BuildKit history: each layer gets its line, the base ends where the Dockerfile begins', () => {
  const c = config([
    ...DEBIAN_BASE,
    ['ARG VERSION=1', true],
    ['ENV APP=/app', true],
    ['RUN |1 VERSION=1 /bin/sh -c apt-get update &&     apt-get install -y curl # buildkit', false],
    ['COPY . /app # buildkit', false],
    ['USER app', true],
    ['CMD ["/app/run"]', true],
  ]);
  assert.deepEqual(mapDockerfile(c, df(DOCKERFILE)), { lines: [null, 4, 6], baseLayers: 1 });
  assert.deepEqual(detectBase(c, { dockerfile: df(DOCKERFILE) }).fromBase, [true, false, false]);
  assert.equal(detectBase(c, { dockerfile: df(DOCKERFILE) }).method, 'dockerfile');
});

test('classic builder and Buildah history (no ARG entry, #(nop) metadata) map the same', () => {
  const c = config([
    ...DEBIAN_BASE,
    ['/bin/sh -c #(nop)  ENV APP=/app', true],
    ['|1 VERSION=1 /bin/sh -c apt-get update &&     apt-get install -y curl', false],
    ['/bin/sh -c #(nop) COPY dir:9f8e7d in /app ', false],
    ['/bin/sh -c #(nop)  USER app', true],
    ['/bin/sh -c #(nop)  CMD ["/app/run"]', true],
  ]);
  assert.deepEqual(mapDockerfile(c, df(DOCKERFILE)), { lines: [null, 4, 6], baseLayers: 1 });
});

test('a history that does not end with the Dockerfile, or has more layers than diff IDs, maps to nothing', () => {
  const other = config([...DEBIAN_BASE, ['/bin/sh -c make', false], ['/bin/sh -c #(nop)  CMD ["x"]', true]]);
  assert.equal(mapDockerfile(other, df(DOCKERFILE)), null);
  const broken = { ...config([...DEBIAN_BASE, ['/bin/sh -c apt-get update && apt-get install -y curl', false]]), diffIds: [] };
  assert.equal(mapDockerfile(broken, df('FROM debian\nRUN apt-get update && apt-get install -y curl\n')), null);
});

test('multi-stage: only the shipped stage (and the stages it builds on) count; FROM scratch has no base', () => {
  const text = 'FROM golang AS build\nRUN go build -o /out/app .\nFROM scratch\nCOPY --from=build /out/app /app\nENTRYPOINT ["/app"]\n';
  const c = config([['COPY /out/app /app # buildkit', false], ['ENTRYPOINT ["/app"]', true]]);
  assert.deepEqual(mapDockerfile(c, df(text)), { lines: [4], baseLayers: 0 });
  assert.deepEqual(detectBase(c, { dockerfile: df(text) }).fromBase, [false]);
  const chained = 'FROM node AS deps\nRUN npm ci\nFROM deps\nCOPY . .\n';
  const c2 = config([['/bin/sh -c #(nop) ADD file:x in /', false], ['RUN /bin/sh -c npm ci # buildkit', false], ['COPY . . # buildkit', false]]);
  assert.deepEqual(mapDockerfile(c2, df(chained)), { lines: [null, 2, 4], baseLayers: 1 });
});

test('base diff IDs win when they are a prefix; labels are passed on as hints', () => {
  const c = config([...DEBIAN_BASE, ['/bin/sh -c make', false], ['/bin/sh -c make install', false]], { 'org.opencontainers.image.base.name': 'docker.io/library/debian:bookworm' });
  const base = detectBase(c, { baseDiffIds: c.diffIds.slice(0, 2) });
  assert.deepEqual(base.fromBase, [true, true, false]);
  assert.equal(base.method, 'diff-ids');
  assert.equal(base.baseName, 'docker.io/library/debian:bookworm');
  const other = detectBase(c, { baseDiffIds: ['sha256:other'] });
  assert.deepEqual([other.method, other.fromBase], ['history', [true, false, false]], 'a base that is not a prefix is ignored');
});

test('history alone: the last CMD or ENTRYPOINT with layers after it ends the base', () => {
  const c = config([...DEBIAN_BASE, ['/bin/sh -c apt-get update', false], ['COPY . . # buildkit', false], ['CMD ["node"]', true]]);
  assert.equal(historyBoundary(c.history), 1);
  const d = detectBase(c);
  assert.deepEqual([d.method, d.fromBase], ['history', [true, false, false]]);
  assert.equal(historyBoundary(config([['/bin/sh -c #(nop) ADD file:x in /', false], ['CMD ["sh"]', true]]).history), null);
  assert.deepEqual(detectBase(config([['ADD x /', false]])).fromBase, [null]);
});

test('history alone, Buildah: the entry whose comment names the FROM image starts the build', () => {
  const entries: [string, boolean, string | null][] = [
    ['/bin/sh', false, null],
    ['/bin/sh -c #(nop) ARG TOKEN', true, 'FROM localhost/busybox:static'],
    ['/bin/sh -c #(nop) COPY file:abc in ./ ', false, 'FROM d9db3f7fd9a4'],
    ['/bin/sh -c make', false, 'FROM 2c8756aa0b87'],
    ['/bin/sh -c #(nop) CMD ["sh"]', true, 'FROM 342f05c92c0a'],
  ];
  const history: HistoryEntry[] = entries.map(([createdBy, emptyLayer, comment]) => ({ created: null, createdBy, comment, emptyLayer }));
  assert.equal(historyBoundary(history), 1);
});
