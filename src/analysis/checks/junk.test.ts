// Junk in the final filesystem: each kind found with its bytes and the layer to blame; base layers and deleted files left out.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { junk, pythonSource } from './junk.js';
import { analyze } from './testing.js';

const base = { files: { 'usr/share/doc/libc6/copyright': { size: 5000 }, 'var/log/dpkg.log': { size: 300 }, 'etc/os-release': 'x' }, createdBy: 'ADD rootfs.tar /', fromBase: true };

test('apt lists and archives left by a RUN are reported with their bytes, at the RUN that left them', async () => {
  const r = await analyze(junk, {
    layers: [
      base,
      {
        files: {
          'var/lib/apt/lists/deb.debian.org_dists_bookworm_InRelease': { size: 150_000 },
          'var/lib/apt/lists/deb.debian.org_dists_bookworm_main_binary-amd64_Packages.lz4': { size: 9_000_000 },
          'var/lib/apt/lists/lock': { size: 0 },
          'var/cache/apt/archives/curl_8.5.0_amd64.deb': { size: 300_000 },
          'var/cache/apt/pkgcache.bin': { size: 27_000_000 },
        },
        createdBy: '/bin/sh -c apt-get update && apt-get install -y curl',
        line: 4,
      },
    ],
  });
  const wh600 = r.findings.filter((f) => f.rule === 'WH600');
  assert.deepEqual(wh600.map((f) => [f.location.path, f.bytes, f.location.layer]), [
    ['/var/cache/apt', 27_300_000, 1],
    ['/var/lib/apt/lists', 9_150_000, 1],
  ]);
  assert.match(wh600[1]?.message ?? '', /apt package lists: 2 files in \/var\/lib\/apt\/lists from layer 1 \(apt-get update && apt-get install -y curl, Dockerfile line 4\)/);
  assert.ok(!wh600.some((f) => f.message.includes('/bin/sh')), 'the shell prefix is not shown');
  assert.equal(r.figures?.['WH600.bytes'], 36_450_000);
  assert.ok(!r.findings.some((f) => f.rule === 'WH603' || f.rule === 'WH608'), 'the base image\'s docs and logs are not the user\'s junk');
});

test('caches under any home: pip, npm, yarn, go, maven, gradle, composer, gems', async () => {
  const r = await analyze(junk, {
    layers: [{
      files: {
        'root/.cache/pip/http/a/b': { size: 10 },
        'home/app/.npm/_cacache/content-v2/x': { size: 20 },
        'usr/local/share/.cache/yarn/v6/pkg/index.js': { size: 30 },
        'root/go/pkg/mod/cache/download/x.zip': { size: 40 },
        'root/.cache/go-build/00/abc': { size: 41 },
        'root/.m2/repository/org/x.jar': { size: 50 },
        'home/gradle/.gradle/caches/modules-2/x.jar': { size: 60 },
        'root/.composer/cache/files/x.zip': { size: 70 },
        'usr/local/bundle/cache/rack-3.0.gem': { size: 80 },
        'var/cache/dnf/repo.solv': { size: 90 },
        'var/cache/apk/APKINDEX.tar.gz': { size: 100 },
        'var/cache/zypp/raw/x': { size: 110 },
        'app/server.js': { size: 1000 },
      },
      createdBy: 'RUN build',
    }],
  });
  const got: Record<string, number | undefined> = Object.fromEntries(r.findings.filter((f) => f.rule === 'WH600').map((f) => [f.location.path ?? '', f.bytes]));
  assert.deepEqual(got, {
    '/root/.cache/pip': 10, '/home/app/.npm/_cacache': 20, '/usr/local/share/.cache/yarn': 30, '/root/go/pkg/mod': 40,
    '/root/.cache/go-build': 41, '/root/.m2/repository': 50, '/home/gradle/.gradle/caches': 60, '/root/.composer/cache': 70,
    '/usr/local/bundle/cache': 80, '/var/cache/dnf': 90, '/var/cache/apk': 100, '/var/cache/zypp': 110,
  });
  assert.match(r.findings.find((f) => f.location.path === '/root/go/pkg/mod')?.message ?? '', /^Go module cache/);
});

test('a cache deleted by a later layer is not reported here (it no longer shows)', async () => {
  const r = await analyze(junk, {
    layers: [
      { files: { 'root/.npm/_cacache/x': { size: 500 } } },
      { whiteouts: ['root/.npm'] },
    ],
  });
  assert.deepEqual(r.findings, []);
});

test('bytecode only where its source ships too', async () => {
  assert.equal(pythonSource('app/pkg/__pycache__/mod.cpython-312.pyc'), 'app/pkg/mod.py');
  assert.equal(pythonSource('app/mod.pyc'), 'app/mod.py');
  assert.equal(pythonSource('app/mod.py'), null);
  const r = await analyze(junk, {
    layers: [{
      files: {
        'app/pkg/mod.py': 'x = 1',
        'app/pkg/__pycache__/mod.cpython-312.pyc': { size: 700 },
        // Shipped without its source: the bytecode is the program.
        'app/only/__pycache__/compiled.cpython-312.pyc': { size: 900 },
        'usr/local/lib/python3.12/site-packages/req/api.py': 'x',
        'usr/local/lib/python3.12/site-packages/req/__pycache__/api.cpython-312.pyc': { size: 300 },
      },
    }],
  });
  const wh601 = r.findings.filter((f) => f.rule === 'WH601').map((f) => [f.location.path, f.bytes]);
  assert.deepEqual(wh601, [['/usr/local/lib/python3.12/site-packages', 300], ['/app/pkg', 700]].sort((a, b) => (b[1] as number) - (a[1] as number)));
});

test('.git, docs, locales, package tests, core dumps, logs, temp files and source maps', async () => {
  const r = await analyze(junk, {
    layers: [{
      files: {
        'app/.git/objects/pack/pack-1.pack': { size: 4000 },
        'app/.git/HEAD': 'ref: refs/heads/main\n',
        'app/.gitignore': 'node_modules\n',
        'usr/share/man/man1/curl.1.gz': { size: 200 },
        'usr/share/doc/curl/changelog.gz': { size: 100 },
        'usr/share/locale/de/LC_MESSAGES/curl.mo': { size: 50 },
        'app/node_modules/lodash/test/test.js': { size: 60 },
        'app/node_modules/lodash/lodash.js': { size: 600 },
        'app/core': { size: 1_000_000 },
        'app/core.1234': { size: 2_000_000 },
        'var/log/apt/term.log': { size: 70 },
        'root/.npm/_logs/2024-debug-0.log': { size: 80 },
        'tmp/build/out.o': { size: 90 },
        'var/tmp/x': { size: 10 },
        'app/dist/main.js.map': { size: 500 },
        'app/dist/main.js': { size: 400 },
      },
      createdBy: 'COPY . /app',
    }],
  });
  const by = (rule: string): [string | undefined, number | undefined][] => r.findings.filter((f) => f.rule === rule).map((f) => [f.location.path, f.bytes]);
  assert.deepEqual(by('WH602'), [['/app/.git', 4021]]);
  assert.deepEqual(by('WH603'), [['/usr/share/man', 200], ['/usr/share/doc', 100]]);
  assert.deepEqual(by('WH604'), [['/usr/share/locale', 50]]);
  assert.deepEqual(by('WH605'), [['/app/node_modules', 60]]);
  assert.deepEqual(by('WH607'), [['/app/core.1234', 2_000_000], ['/app/core', 1_000_000]]);
  assert.deepEqual(by('WH608'), [['/root/.npm', 80], ['/var/log', 70]]);
  assert.deepEqual(by('WH609'), [['/tmp', 90], ['/var/tmp', 10]]);
  assert.deepEqual(by('WH610'), [['/app/dist', 500]]);
  assert.equal(r.findings.length, 12);
});

test('junk in an image whose base is unknown is counted (fromBase null)', async () => {
  const r = await analyze(junk, { layers: [{ files: { 'var/lib/apt/lists/x_Packages': { size: 10 } }, fromBase: null }] });
  assert.equal(r.findings[0]?.bytes, 10);
});

test('when the pipeline cannot tell the base, the history decides: the base\'s docs stay unreported', async () => {
  const history = [
    { created: null, createdBy: '/bin/sh -c #(nop) ADD file:abc in /', comment: null, emptyLayer: false },
    { created: null, createdBy: '/bin/sh -c #(nop)  CMD ["bash"]', comment: null, emptyLayer: true },
    { created: null, createdBy: '/bin/sh -c apt-get update', comment: null, emptyLayer: false },
  ];
  const r = await analyze(junk, {
    layers: [
      { files: { 'usr/share/doc/libc6/changelog.gz': { size: 5000 } } },
      { files: { 'var/lib/apt/lists/x_Packages': { size: 10 }, 'usr/share/doc/curl/changelog.gz': { size: 7 } } },
    ],
    config: { history },
  });
  assert.deepEqual(r.findings.map((f) => [f.rule, f.bytes]), [['WH600', 10], ['WH603', 7]]);
});
