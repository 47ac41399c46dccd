// Tar headers of every dialect whittle meets, hostile paths and sizes, bodies on request, seeks past bodies.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { WhittleError } from '../errors.js';
import { layerTar, paxEntry, rawEntry, rawHeader, rawTar, tempDir } from '../../test/fixtures/synthetic.js';
import type { TarEntry, WalkOptions } from './model.js';
import { FileRangeReader, StreamReader } from './byte-reader.js';
import { normalizePath, readTarEntries } from './tar.js';

const WHERE = { layer: 3, blob: 'sha256:' + 'a'.repeat(64) };

/** Bodies read during the walk (a body is only readable until the next entry is asked for). */
const bodies = new WeakMap<TarEntry, Buffer>();

async function entries(tar: Buffer, options: WalkOptions = {}): Promise<TarEntry[]> {
  const out: TarEntry[] = [];
  // Small chunks: headers and bodies must be reassembled across chunk boundaries.
  const chunks: Buffer[] = [];
  for (let i = 0; i < tar.length; i += 700) chunks.push(tar.subarray(i, i + 700));
  for await (const e of readTarEntries(new StreamReader(Readable.from(chunks), WHERE), WHERE, options)) {
    out.push(e);
    if (e.body !== null) bodies.set(e, await readBody(e));
  }
  return out;
}

function bodyOf(e: TarEntry): Buffer {
  const b = bodies.get(e);
  assert.ok(b, `${e.path} has a body`);
  return b;
}

async function readBody(e: TarEntry): Promise<Buffer> {
  assert.ok(e.body, `${e.path} has a body`);
  const parts: Buffer[] = [];
  for await (const c of e.body) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

async function rejectsWith(p: Promise<unknown>, pattern: RegExp): Promise<void> {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof WhittleError, `a WhittleError, got ${String(e)}`);
    assert.match(e.message, pattern);
    assert.equal(e.where.layer, 3);
    return true;
  });
}

test('paths are normalised inside the root; climbing out is null', () => {
  const table: [string, string | null][] = [
    ['./app/a.txt', 'app/a.txt'],
    ['/etc/passwd', 'etc/passwd'],
    ['app//x/./y/', 'app/x/y'],
    ['a/../b', 'b'],
    ['./', ''],
    ['../etc/passwd', null],
    ['a/../../x', null],
    ['/..', null],
  ];
  for (const [raw, want] of table) assert.equal(normalizePath(raw), want, raw);
});

test('files, directories, symlinks and hardlinks from a ustar writer', async () => {
  const tar = await layerTar({
    files: {
      'app/': { type: 'directory', mode: 0o750, uid: 10, gid: 20 },
      './app/server.js': 'console.log(1)',
      '/app/link': { type: 'symlink', linkname: '../etc/hostname' },
      'app/hard': { type: 'link', linkname: './app/server.js' },
    },
  });
  const got = await entries(tar);
  assert.deepEqual(got.map((e) => [e.path, e.type, e.size, e.linkname]), [
    ['app', 'directory', 0, null],
    ['app/server.js', 'file', 14, null],
    ['app/link', 'symlink', 0, '../etc/hostname'], // symlink targets are data, kept as written
    ['app/hard', 'hardlink', 0, 'app/server.js'],
  ]);
  assert.equal(got[0]?.mode, 0o750);
  assert.equal(got[0]?.uid, 10);
  assert.equal(got[0]?.body, null);
});

test('the ustar prefix field joins the name', async () => {
  const got = await entries(rawTar(rawEntry({ name: 'file.txt', prefix: 'very/deep/dir' }, 'x')));
  assert.equal(got[0]?.path, 'very/deep/dir/file.txt');
});

test('PAX records set path, link, size, uid, gid and mtime; other records are kept', async () => {
  const long = `${'d'.repeat(120)}/${'f'.repeat(150)}`;
  const tar = rawTar(
    paxEntry({ path: long, uid: '70000', gid: '80000', mtime: '1700000000.25', 'SCHILY.xattr.security.capability': 'cap', size: '5' }),
    rawEntry({ name: 'short', size: 0 }, ''), // the header's size says 0; PAX says 5
    Buffer.concat([Buffer.from('hello'), Buffer.alloc(507)]),
    paxEntry({ linkpath: `target/${'t'.repeat(200)}` }),
    rawEntry({ name: 'sym', type: '2', linkname: 'ignored' }),
  );
  const [file, sym] = await entries(tar, { bodies: true });
  assert.equal(file?.path, long);
  assert.equal(file?.size, 5);
  assert.equal(file?.uid, 70000);
  assert.equal(file?.gid, 80000);
  assert.equal(file?.mtime, 1700000000.25);
  assert.deepEqual(file?.pax, { 'SCHILY.xattr.security.capability': 'cap' });
  assert.equal(bodyOf(file).toString(), 'hello');
  assert.equal(sym?.linkname, `target/${'t'.repeat(200)}`);
  assert.deepEqual(sym?.pax, {});
});

test('PAX global headers apply to every later entry; local records win', async () => {
  const tar = rawTar(
    paxEntry({ uid: '5', comment: 'from git archive' }, 'g'),
    rawEntry({ name: 'a' }, 'A'),
    paxEntry({ uid: '6' }),
    rawEntry({ name: 'b' }, 'B'),
  );
  const got = await entries(tar);
  assert.deepEqual(got.map((e) => [e.path, e.uid, e.pax.comment]), [['a', 5, 'from git archive'], ['b', 6, 'from git archive']]);
});

test('GNU and POSIX tar from GNU tar: long names, long link names, hardlinks, sparse files', async () => {
  const t = await tempDir();
  try {
    const root = join(t.dir, 'root');
    const deep = join(root, 'a'.repeat(90), 'b'.repeat(90));
    mkdirSync(deep, { recursive: true });
    writeFileSync(join(deep, 'c'.repeat(80)), 'long name');
    symlinkSync('x'.repeat(150), join(root, 'longlink'));
    writeFileSync(join(root, 'orig'), 'shared');
    execFileSync('ln', [join(root, 'orig'), join(root, 'hard')]);
    // 1 MiB with data at 512 KiB only: a hole, data, a hole.
    const sparse = join(root, 'sparse.img');
    execFileSync('truncate', ['-s', '1M', sparse]);
    const fh = await open(sparse, 'r+');
    await fh.write(Buffer.from('in the middle'), 0, 13, 512 * 1024);
    await fh.close();
    const want = createHash('sha256').update(readFileSync(sparse)).digest('hex');
    for (const format of ['gnu', 'posix']) {
      const tar = execFileSync('tar', ['--sparse', `--format=${format}`, '--sort=name', '-C', root, '-cf', '-', '.']);
      const got = await entries(tar, { bodies: true });
      const byPath = new Map(got.map((e) => [e.path, e]));
      const longName = `${'a'.repeat(90)}/${'b'.repeat(90)}/${'c'.repeat(80)}`;
      assert.equal(byPath.get(longName)?.size, 9, `${format}: long name`);
      assert.equal(byPath.get('longlink')?.linkname, 'x'.repeat(150), `${format}: long link`);
      const [first, second] = [byPath.get('hard'), byPath.get('orig')];
      assert.ok(first?.type === 'hardlink' || second?.type === 'hardlink', `${format}: one of the pair is a hardlink`);
      const s = byPath.get('sparse.img') as TarEntry;
      assert.equal(s.type, 'file', format);
      assert.equal(s.size, 1024 * 1024, `${format}: sparse file keeps its real size`);
      assert.equal(createHash('sha256').update(bodyOf(s)).digest('hex'), want, `${format}: sparse body expands holes`);
    }
  } finally {
    await t.cleanup();
  }
});

test('an entry climbing out of the root is an error naming the layer and the path', async () => {
  await rejectsWith(entries(rawTar(rawEntry({ name: '../../etc/passwd' }, 'x'))), /"\.\.\/\.\.\/etc\/passwd" climbs out of the image root/);
  await rejectsWith(entries(rawTar(rawEntry({ name: 'a/../../x' }, 'x'))), /climbs out/);
  await rejectsWith(entries(rawTar(rawEntry({ name: 'evil', type: '1', linkname: '../../etc/shadow' }))), /hardlink "evil" points out of the image root/);
  const abs = await entries(rawTar(rawEntry({ name: '/etc/passwd' }, 'x')));
  assert.equal(abs[0]?.path, 'etc/passwd');
});

test('absurd sizes, bad checksums and truncation are errors, not hangs', async () => {
  const huge = Buffer.alloc(12, 0xff);
  huge[0] = 0x80; // base-256, 2^88-ish
  await rejectsWith(entries(rawTar(rawHeader({ name: 'big', sizeField: huge }))), /impossible size/);
  await rejectsWith(entries(rawTar(paxEntry({ size: '1e30' }), rawEntry({ name: 'x' }))), /impossible size/);
  await rejectsWith(entries(Buffer.from('this is not a tar archive at all'.repeat(40))), /not a tar archive/);
  await rejectsWith(entries(rawTar(paxEntry({ path: 'a/'.repeat(40_000) }), rawEntry({ name: 'x' }))), /longer than 65536 characters/);
  const corrupt = rawTar(rawEntry({ name: 'a' }, 'x'), rawEntry({ name: 'b' }, 'y'));
  corrupt.writeUInt8((corrupt[1024 + 3] ?? 0) ^ 0xff, 1024 + 3);
  await rejectsWith(entries(corrupt), /corrupt tar header at byte 1024/);
  const whole = rawTar(rawEntry({ name: 'a' }, 'x'.repeat(3000)));
  await rejectsWith(entries(whole.subarray(0, 1500)), /truncated/);
});

test('an archive that ends without its zero blocks still yields what it has', async () => {
  const got = await entries(rawEntry({ name: 'a' }, 'x'));
  assert.deepEqual(got.map((e) => e.path), ['a']);
});

test('bodies: read, partly read or ignored, the walk stays in step', async () => {
  const tar = await layerTar({ files: { a: 'A'.repeat(100_000), b: 'B'.repeat(70_000), c: 'C', d: 'D'.repeat(5) } });
  const seen: string[] = [];
  const chunks: Buffer[] = [];
  for (let i = 0; i < tar.length; i += 4096) chunks.push(tar.subarray(i, i + 4096));
  for await (const e of readTarEntries(new StreamReader(Readable.from(chunks), WHERE), WHERE, { bodies: true })) {
    if (e.path === 'a') seen.push(`a:${(await readBody(e)).length}`);
    if (e.path === 'b') {
      for await (const c of e.body as Readable) {
        seen.push(`b:first ${(c as Buffer).length > 0}`);
        break; // abandons the rest of b
      }
    }
    if (e.path === 'd') seen.push(`d:${(await readBody(e)).toString()}`);
  }
  assert.deepEqual(seen, ['a:100000', 'b:first true', 'd:DDDDD']);
});

test('a header-only walk of a file seeks past bodies: bytes read do not grow with file sizes', async () => {
  const t = await tempDir();
  try {
    const tar = await layerTar({ files: { one: 'x'.repeat(3 << 20), two: 'y'.repeat(2 << 20), 'small/a': 'a', 'small/b': 'b' } });
    const path = join(t.dir, 'layer.tar');
    writeFileSync(path, tar);
    const fh = await open(path, 'r');
    const reader = new FileRangeReader(fh, 0, tar.length, WHERE);
    const got: string[] = [];
    for await (const e of readTarEntries(reader, WHERE)) got.push(`${e.path}:${e.size}`);
    await fh.close();
    assert.deepEqual(got, [`one:${3 << 20}`, `two:${2 << 20}`, 'small/a:1', 'small/b:1']);
    assert.ok(reader.bytesRead <= 5 * 4096, `read ${reader.bytesRead} bytes of ${tar.length}`);
  } finally {
    await t.cleanup();
  }
});

test('headers are read alike wherever they sit in memory (checksums summed word-wise or byte-wise)', async () => {
  const tar = await layerTar({ files: { 'a/\u00e9t\u00e9.txt': '\u00ff'.repeat(300), b: 'x' } });
  for (const shift of [0, 1, 2, 3]) {
    const host = Buffer.alloc(tar.length + shift);
    tar.copy(host, shift);
    const got: string[] = [];
    const shifted = host.subarray(shift);
    for await (const e of readTarEntries(new StreamReader(Readable.from([shifted]), WHERE), WHERE)) got.push(`${e.path}:${e.size}`);
    assert.deepEqual(got, ['a/\u00e9t\u00e9.txt:600', 'b:1'], `offset ${shift}`);
  }
});
