// setuid/setgid added by the user's layers, world-writable paths, empty passwords and shared UIDs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseAccounts, permissions } from './permissions.js';
import { analyze } from './testing.js';

test('setuid from the user\'s layers only; distro setuid binaries when the base is unknown are not', async () => {
  const r = await analyze(permissions, {
    layers: [
      { files: { 'usr/bin/passwd': { size: 10, mode: 0o4755 }, 'usr/bin/odd': { size: 10, mode: 0o4755 } }, fromBase: true },
      { files: { 'usr/local/bin/tool': { size: 10, mode: 0o6755 }, 'usr/local/bin/plain': { size: 10, mode: 0o755 } }, fromBase: false, createdBy: '/bin/sh -c chmod u+s,g+s /usr/local/bin/tool' },
    ],
  });
  assert.deepEqual(r.findings.map((f) => [f.rule, f.location.path, f.location.layer]), [['WH642', '/usr/local/bin/tool', 1]]);
  assert.match(r.findings[0]?.message ?? '', /is setuid and setgid \(mode 6755\), set by layer 1 \(chmod u\+s,g\+s/);
  const unknown = await analyze(permissions, { layers: [{ files: { 'usr/bin/su': { size: 1, mode: 0o4755 }, 'opt/app/helper': { size: 1, mode: 0o2755 } } }] });
  assert.deepEqual(unknown.findings.map((f) => f.location.path), ['/opt/app/helper']);
});

test('world-writable files grouped by directory; sticky directories and symlinks are fine', async () => {
  const r = await analyze(permissions, {
    layers: [{
      files: {
        'tmp/': { type: 'directory', mode: 0o1777 },
        'app/': { type: 'directory', mode: 0o755 },
        'app/a': { size: 1, mode: 0o666 },
        'app/b': { size: 1, mode: 0o777 },
        'app/c': { size: 1, mode: 0o644 },
        'data/': { type: 'directory', mode: 0o777 },
        'app/link': { type: 'symlink', linkname: 'a', mode: 0o777 },
      },
      createdBy: '/bin/sh -c chmod -R 777 /app',
    }],
  });
  assert.deepEqual(r.findings.map((f) => [f.rule, f.location.path]), [['WH643', '/app'], ['WH643', '/data']]);
  assert.match(r.findings[0]?.message ?? '', /^2 paths in \/app are writable by every user/);
});

test('empty passwords and duplicate UIDs in the final /etc/passwd and /etc/shadow', async () => {
  assert.deepEqual(parseAccounts('root:x:0:0::/root:/bin/sh\n# c\nbad\n', true), [{ name: 'root', password: 'x', uid: 0 }]);
  const r = await analyze(permissions, {
    layers: [
      { files: { 'etc/passwd': 'root:x:0:0::/root:/bin/sh\n', 'etc/shadow': 'root:*:19000::::::\n' }, fromBase: true },
      {
        files: {
          'etc/passwd': 'root:x:0:0::/root:/bin/sh\ntoor:x:0:0::/root:/bin/sh\napp::1000:1000::/app:/bin/sh\nsvc:x:1000:1000::/:/bin/false\n',
          'etc/shadow': 'root:*:19000::::::\ntoor::19000::::::\nsvc:!:19000::::::\n',
        },
        createdBy: '/bin/sh -c useradd ...',
      },
    ],
  });
  assert.deepEqual(r.findings.map((f) => [f.rule, f.location.path, f.location.layer]), [
    ['WH644', '/etc/passwd', 1], ['WH644', '/etc/shadow', 1], ['WH645', '/etc/passwd', 1], ['WH645', '/etc/passwd', 1],
  ]);
  assert.match(r.findings[0]?.message ?? '', /^account app in \/etc\/passwd has an empty password/);
  assert.match(r.findings[2]?.message ?? '', /^UID 0 belongs to root, toor \(each of them is root\)/);
});

test('a clean image: nothing', async () => {
  const r = await analyze(permissions, { layers: [{ files: { 'etc/passwd': 'root:x:0:0::/root:/bin/sh\napp:x:1000:1000::/app:/bin/sh\n', 'etc/shadow': 'root:*:1::::::\napp:!:1::::::\n', 'app/main': { size: 5, mode: 0o755 } } }] });
  assert.deepEqual(r.findings, []);
});
