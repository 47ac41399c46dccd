// Named blobs behind one interface: a directory, a tar archive on disk (read by seeking), or a re-openable tar stream.
import { createReadStream } from 'node:fs';
import { open as openFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { WhittleError, err, ok } from '../../errors.js';
import type { Result, Where } from '../../errors.js';
import type { BlobFile } from '../blob.js';
import type { Opener } from '../model.js';
import { FileRangeReader, StreamReader } from '../byte-reader.js';
import { normalizePath, readTarEntries } from '../tar.js';

/** JSON documents (manifests, configs, indexes) are read whole; anything larger is not one. */
export const MAX_DOCUMENT = 32 << 20;

export interface BlobStore {
  /** What to call it in messages: the file or directory. */
  readonly label: string;
  /** Size of a member, or null when there is none (links resolved). */
  size(name: string): Promise<number | null>;
  readSmall(name: string, where: Where): Promise<Result<Buffer>>;
  /** The first bytes of a member (up to 16), to sniff what it is without reading it. */
  head(name: string): Promise<Buffer>;
  opener(name: string): Opener;
  file(name: string): BlobFile | null;
}

function ioError(e: unknown, where: Where, what: string): WhittleError {
  const m = e instanceof Error ? e.message : String(e);
  return new WhittleError('IO', `cannot read ${what}: ${m}`, where, { cause: e });
}

/** An OCI layout directory: members are files under it. */
export function directoryStore(dir: string): BlobStore {
  const full = (name: string): string => join(dir, name);
  return {
    label: dir,
    async size(name) {
      try {
        const s = await stat(full(name));
        return s.isFile() ? s.size : null;
      } catch {
        return null;
      }
    },
    async readSmall(name, where) {
      try {
        const fh = await openFile(full(name), 'r');
        try {
          const s = await fh.stat();
          if (s.size > MAX_DOCUMENT) return err(new WhittleError('MALFORMED_IMAGE', `${name} is ${s.size} bytes, too large for a JSON document`, where));
          return ok(await fh.readFile());
        } finally {
          await fh.close();
        }
      } catch (e) {
        if ((e as { code?: string }).code === 'ENOENT') return err(new WhittleError('NOT_FOUND', `${name} is missing from ${dir}`, where));
        return err(ioError(e, where, name));
      }
    },
    head: (name) => readHead(full(name), 0),
    opener: (name) => () => Promise.resolve(createReadStream(full(name), { highWaterMark: 1 << 20 })),
    file: () => null, // see directoryBlobFile: a layout's layers are whole files
  };
}

/** A directory store's members are whole files: they can be walked by seeking too. */
export async function directoryBlobFile(dir: string, name: string): Promise<BlobFile | null> {
  try {
    const s = await stat(join(dir, name));
    return s.isFile() ? { path: join(dir, name), offset: 0, size: s.size } : null;
  } catch {
    return null;
  }
}

async function readHead(path: string, offset: number): Promise<Buffer> {
  const fh = await openFile(path, 'r');
  try {
    const buf = Buffer.alloc(16);
    const { bytesRead } = await fh.read(buf, 0, 16, offset);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

interface Member {
  readonly offset: number;
  readonly size: number;
  readonly link: string | null;
}

function resolveMember(members: ReadonlyMap<string, Member>, name: string): Member | null {
  let key = normalizePath(name);
  for (let hops = 0; hops < 16 && key !== null; hops++) {
    const m = members.get(key);
    if (m === undefined) return null;
    if (m.link === null) return m;
    key = m.link;
  }
  return null;
}

/** Symlink targets are relative to the link's directory (legacy `<id>/layer.tar -> ../<other>/layer.tar`). */
function linkTarget(path: string, target: string, symlink: boolean): string | null {
  if (!symlink) return normalizePath(target);
  if (target.startsWith('/')) return normalizePath(target);
  const dir = path.split('/').slice(0, -1).join('/');
  return normalizePath(`${dir}/${target}`);
}

/** A tar archive on disk: one header-only pass indexes members; blobs are byte ranges of the archive. */
export async function archiveFileStore(path: string, where: Where): Promise<Result<BlobStore>> {
  const members = new Map<string, Member>();
  let fh;
  try {
    fh = await openFile(path, 'r');
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') return err(new WhittleError('NOT_FOUND', `no such file: ${path}`, where));
    return err(ioError(e, where, path));
  }
  try {
    const { size } = await fh.stat();
    const reader = new FileRangeReader(fh, 0, size, where);
    for await (const e of readTarEntries(reader, where)) {
      const link = e.type === 'symlink' || e.type === 'hardlink' ? linkTarget(e.path, e.linkname ?? '', e.type === 'symlink') : null;
      if (e.type === 'file' || link !== null) members.set(e.path, { offset: reader.position, size: e.size, link });
    }
  } catch (e) {
    if (e instanceof WhittleError) return err(new WhittleError(e.code === 'MALFORMED_IMAGE' ? 'NOT_AN_IMAGE' : e.code, `${path} is unreadable as a tar archive: ${e.message}`, where));
    return err(ioError(e, where, path));
  } finally {
    await fh.close();
  }
  const store: BlobStore = {
    label: path,
    size: (name) => Promise.resolve(resolveMember(members, name)?.size ?? null),
    async readSmall(name, w) {
      const m = resolveMember(members, name);
      if (m === null) return err(new WhittleError('NOT_FOUND', `${name} is missing from the archive ${path}`, w));
      if (m.size > MAX_DOCUMENT) return err(new WhittleError('MALFORMED_IMAGE', `${name} is ${m.size} bytes, too large for a JSON document`, w));
      try {
        const f = await openFile(path, 'r');
        try {
          const buf = Buffer.alloc(m.size);
          const { bytesRead } = await f.read(buf, 0, m.size, m.offset);
          if (bytesRead < m.size) return err(new WhittleError('MALFORMED_IMAGE', `${name} is truncated in ${path}`, w));
          return ok(buf);
        } finally {
          await f.close();
        }
      } catch (e) {
        return err(ioError(e, w, name));
      }
    },
    async head(name) {
      const m = resolveMember(members, name);
      return m === null ? Buffer.alloc(0) : (await readHead(path, m.offset)).subarray(0, Math.min(16, m.size));
    },
    opener(name) {
      return () => {
        const m = resolveMember(members, name);
        if (m === null) return Promise.reject(new WhittleError('NOT_FOUND', `${name} is missing from the archive ${path}`, where));
        if (m.size === 0) return Promise.resolve(Readable.from([]));
        return Promise.resolve(createReadStream(path, { start: m.offset, end: m.offset + m.size - 1, highWaterMark: 1 << 20 }));
      };
    },
    file(name) {
      const m = resolveMember(members, name);
      return m === null ? null : { path, offset: m.offset, size: m.size };
    },
  };
  return ok(store);
}

/**
 * A tar that can only be streamed (a compressed archive, a socket): one pass indexes it and keeps small
 * members; a blob is read by streaming the archive again up to it. Correct, bounded in memory, and as
 * slow as re-reading: sources that can spool to a file should.
 */
export async function archiveStreamStore(open: Opener, label: string, where: Where): Promise<Result<BlobStore>> {
  const members = new Map<string, Member>();
  const kept = new Map<string, Buffer>();
  const heads = new Map<string, Buffer>();
  try {
    const reader = new StreamReader(await open(), where);
    for await (const e of readTarEntries(reader, where, { bodies: true })) {
      const link = e.type === 'symlink' || e.type === 'hardlink' ? linkTarget(e.path, e.linkname ?? '', e.type === 'symlink') : null;
      if (e.type === 'file' || link !== null) members.set(e.path, { offset: reader.position, size: e.size, link });
      if (e.body !== null && e.size <= 4 << 20) {
        const parts: Buffer[] = [];
        for await (const c of e.body) parts.push(c as Buffer);
        kept.set(e.path, Buffer.concat(parts));
      } else if (e.body !== null) {
        // Large members are layers: their first bytes say how they are compressed; the rest is skipped.
        const parts: Buffer[] = [];
        let have = 0;
        for await (const c of e.body) {
          parts.push(c as Buffer);
          have += (c as Buffer).length;
          if (have >= 16) break;
        }
        heads.set(e.path, Buffer.concat(parts).subarray(0, 16));
      }
    }
  } catch (e) {
    if (e instanceof WhittleError) return err(new WhittleError(e.code === 'MALFORMED_IMAGE' ? 'NOT_AN_IMAGE' : e.code, `${label} is unreadable as a tar archive: ${e.message}`, where));
    return err(ioError(e, where, label));
  }
  const slice = (m: Member): Opener => async () => {
    const reader = new StreamReader(await open(), where);
    await reader.skip(m.offset);
    let left = m.size;
    return Readable.from((async function* () {
      while (left > 0) {
        const c = await reader.readSome(Math.min(left, 1 << 20));
        left -= c.length;
        yield c;
      }
    })(), { objectMode: false });
  };
  const store: BlobStore = {
    label,
    size: (name) => Promise.resolve(resolveMember(members, name)?.size ?? null),
    async readSmall(name, w) {
      const key = normalizePath(name);
      const m = resolveMember(members, name);
      if (m === null || key === null) return err(new WhittleError('NOT_FOUND', `${name} is missing from the archive ${label}`, w));
      for (const [k, v] of kept) if (resolveMember(members, k) === m) return ok(v);
      if (m.size > MAX_DOCUMENT) return err(new WhittleError('MALFORMED_IMAGE', `${name} is ${m.size} bytes, too large for a JSON document`, w));
      const parts: Buffer[] = [];
      for await (const c of await slice(m)()) parts.push(c as Buffer);
      return ok(Buffer.concat(parts));
    },
    head(name) {
      const m = resolveMember(members, name);
      for (const [k, v] of [...kept, ...heads]) if (m !== null && resolveMember(members, k) === m) return Promise.resolve(v.subarray(0, 16));
      return Promise.resolve(Buffer.alloc(0));
    },
    opener(name) {
      return () => {
        const m = resolveMember(members, name);
        if (m === null) return Promise.reject(new WhittleError('NOT_FOUND', `${name} is missing from the archive ${label}`, where));
        return slice(m)();
      };
    },
    file: () => null,
  };
  return ok(store);
}
