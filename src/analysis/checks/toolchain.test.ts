// Build toolchains: measured from compiler paths and dpkg/apk file lists, split into the user's and the base's.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from './testing.js';
import { parseApkInstalled, parseDpkgStatus, toolchain } from './toolchain.js';

const status = (names: string[]): string => names.map((n) => `Package: ${n}\nStatus: install ok installed\nInstalled-Size: 100\nVersion: 1\n`).join('\n');

test('dpkg status: installed packages with sizes; removed ones skipped', () => {
  const text = `${status(['libc6', 'gcc-12'])}\nPackage: old-dev\nStatus: deinstall ok config-files\nInstalled-Size: 5\n`;
  assert.deepEqual(parseDpkgStatus(text).map((p) => [p.name, p.size]), [['libc6', 102_400], ['gcc-12', 102_400]]);
});

test('apk installed db: names, sizes and files', () => {
  const text = 'C:Q1abc=\nP:musl-dev\nV:1.2\nI:4096\nF:usr/include\nR:stdio.h\nR:stdlib.h\nF:usr/lib\nR:libc.a\n\nP:busybox\nI:900\nF:bin\nR:busybox\n';
  assert.deepEqual(parseApkInstalled(text), [
    { name: 'musl-dev', size: 4096, files: ['usr/include/stdio.h', 'usr/include/stdlib.h', 'usr/lib/libc.a'] },
    { name: 'busybox', size: 900, files: ['bin/busybox'] },
  ]);
});

test('a toolchain the user installed: packages named, bytes from their file lists and compiler paths, counted once', async () => {
  const wanted = (path: string, size: number): boolean => toolchain.wantsBody?.(path, size) === true;
  assert.ok(wanted('/var/lib/dpkg/info/libssl-dev:amd64.list', 10));
  assert.ok(wanted('/var/lib/dpkg/status', 10));
  assert.ok(!wanted('/var/lib/dpkg/info/libssl3:amd64.list', 10), 'runtime libraries are not read');
  assert.ok(!wanted('/usr/bin/gcc-12', 10));
  const r = await analyze(toolchain, {
    layers: [
      { files: { 'var/lib/dpkg/status': status(['libc6']), 'usr/lib/x86_64-linux-gnu/libc.so.6': { size: 2000 } }, fromBase: true, createdBy: 'ADD rootfs' },
      {
        files: {
          'var/lib/dpkg/status': status(['libc6', 'gcc-12', 'libssl-dev']),
          'var/lib/dpkg/info/gcc-12.list': '/.\n/usr\n/usr/bin/gcc-12\n/usr/lib/gcc/x86_64-linux-gnu/12/cc1\n',
          'var/lib/dpkg/info/libssl-dev:amd64.list': '/usr/include/openssl/ssl.h\n/usr/lib/x86_64-linux-gnu/libssl.a\n/usr/share/doc/libssl-dev/copyright\n',
          'usr/bin/gcc-12': { size: 1000 },
          'usr/lib/gcc/x86_64-linux-gnu/12/cc1': { size: 30_000 },
          'usr/include/openssl/ssl.h': { size: 200 },
          'usr/lib/x86_64-linux-gnu/libssl.a': { size: 5000 },
          'usr/share/doc/libssl-dev/copyright': { size: 7 },
        },
        createdBy: '/bin/sh -c apt-get install -y gcc-12 libssl-dev',
        fromBase: false,
        line: 3,
      },
    ],
  });
  assert.equal(r.findings.length, 1);
  const f = r.findings[0];
  assert.equal(f?.rule, 'WH606');
  assert.equal(f?.bytes, 1000 + 30_000 + 200 + 5000 + 7);
  assert.equal(f?.location.layer, 1);
  assert.match(f?.message ?? '', /^build toolchain \(gcc-12, libssl-dev; 5 files in \/usr\/lib\/gcc, \/usr\/lib\/x86_64-linux-gnu, \/usr\/bin\) installed by layer 1 \(apt-get install -y gcc-12 libssl-dev, Dockerfile line 3\)/);
  assert.equal(r.figures?.['WH606.baseBytes'], 0);
});

test('a toolchain that comes with the base is reported as the base\'s, with an apk database', async () => {
  const db = 'P:build-base\nI:10\n\nP:musl-dev\nI:4096\nF:usr/include\nR:stdio.h\n\nP:musl\nI:600\nF:lib\nR:ld-musl.so\n';
  const r = await analyze(toolchain, {
    layers: [
      { files: { 'lib/apk/db/installed': db, 'usr/include/stdio.h': { size: 3000 }, 'lib/ld-musl.so': { size: 600 } }, fromBase: true },
      { files: { 'app/main': { size: 99 } }, fromBase: false },
    ],
  });
  assert.deepEqual(r.findings.map((f) => [f.rule, f.bytes, f.location.layer]), [['WH606', 3000 + 10, undefined]]);
  assert.match(r.findings[0]?.message ?? '', /^the base image ships a build toolchain \(build-base, musl-dev; 1 file in \/usr\/include\)/);
});

test('a runtime image: nothing', async () => {
  const r = await analyze(toolchain, { layers: [{ files: { 'var/lib/dpkg/status': status(['libc6', 'libssl3']), 'usr/bin/python3': { size: 10 } } }] });
  assert.deepEqual(r.findings, []);
});

test('a base with headers but no compiler (node\'s slim images) is not a build image', async () => {
  const r = await analyze(toolchain, {
    layers: [
      { files: { 'usr/local/include/node/node.h': { size: 4000 }, 'usr/local/bin/node': { size: 90_000 } }, fromBase: true },
      { files: { 'app/server.js': 'x' }, fromBase: false },
    ],
  });
  assert.deepEqual(r.findings, []);
});
