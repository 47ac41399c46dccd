// Where an image reference points: prefixes chosen by the user, bare paths sniffed by content, bare names as registry refs.
import { createReadStream, statSync } from 'node:fs';
import { open as openFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pipeline } from 'node:stream';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { WhittleError, err } from '../../errors.js';
import type { Result, Where } from '../../errors.js';
import { sniffCompression } from '../blob.js';
import type { Image, ImageSource, OpenOptions, SourceKind } from '../model.js';
import { readDockerArchiveStore, splitArchiveRef } from './docker-archive.js';
import { openEngineImage } from './engine.js';
import type { EngineOptions } from './engine.js';
import { readOciLayout, readOciStore } from './oci-layout.js';
import { openRegistryImage } from './registry.js';
import type { RegistryOptions } from './registry.js';
import { archiveFileStore, archiveStreamStore } from './store.js';
import type { BlobStore } from './store.js';

export type OpenImageOptions = OpenOptions & RegistryOptions & EngineOptions & {
  /** Resolves relative paths (default: process.cwd()). */
  readonly cwd?: string;
};

const PREFIXES: readonly SourceKind[] = ['docker-archive', 'oci-archive', 'oci', 'registry', 'engine'];

function exists(p: string): boolean {
  try {
    statSync(p);
    return true;
  } catch {
    return false;
  }
}

/** An archive file, by content: a plain tar is indexed by seeking; a gzipped one (`docker save | gzip`) by streaming. */
async function archiveStore(path: string, where: Where): Promise<Result<BlobStore>> {
  let head: Buffer;
  try {
    const fh = await openFile(path, 'r');
    try {
      head = Buffer.alloc(4);
      await fh.read(head, 0, 4, 0);
    } finally {
      await fh.close();
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    return err(new WhittleError(code === 'ENOENT' ? 'NOT_FOUND' : 'IO', code === 'ENOENT' ? `no such file: ${path}` : `cannot read ${path}: ${(e as Error).message}`, where));
  }
  if (sniffCompression(head) === 'gzip') {
    const open = (): Promise<Readable> => Promise.resolve(pipeline(createReadStream(path), createGunzip(), () => undefined));
    return archiveStreamStore(open, path, where);
  }
  return archiveFileStore(path, where);
}

async function openArchive(kind: 'docker-archive' | 'oci-archive', text: string, options: OpenImageOptions): Promise<Result<Image>> {
  const { path, name } = splitArchiveRef(resolve(options.cwd ?? process.cwd(), text), exists);
  const ref = `${kind}:${text}`;
  const store = await archiveStore(path, { ref });
  if (!store.ok) return store;
  return kind === 'docker-archive'
    ? readDockerArchiveStore(store.value, ref, name, options)
    : readOciStore(store.value, ref, 'oci-archive', name, options, { ref });
}

function openLayout(text: string, options: OpenImageOptions): Promise<Result<Image>> {
  const { path, name } = splitArchiveRef(resolve(options.cwd ?? process.cwd(), text), exists);
  return readOciLayout(path, `oci:${text}`, name, options);
}

/** Every place an image can live, by prefix; the type checker keeps the table complete. */
export const imageSources: Readonly<Record<SourceKind, ImageSource>> = {
  'docker-archive': { kind: 'docker-archive', open: (location, options) => openArchive('docker-archive', location, options) },
  'oci-archive': { kind: 'oci-archive', open: (location, options) => openArchive('oci-archive', location, options) },
  oci: { kind: 'oci', open: (location, options) => openLayout(location, options) },
  registry: { kind: 'registry', open: (location, options) => openRegistryImage(location, options) },
  engine: { kind: 'engine', open: (location, options) => openEngineImage(location, options) },
};

/** A bare argument that can only have meant a file: registry references never look like these. */
function looksLikePath(text: string): boolean {
  return /^(\/|\.\.?\/|~\/)/.test(text) || /\.(tar|tar\.gz|tgz|oci)$/i.test(text) || text === '.' || text === '..';
}

/** A bare path, read by what it is: a layout directory, or an archive holding a docker-archive or an OCI layout. */
async function sniffPath(text: string, options: OpenImageOptions): Promise<Result<Image>> {
  const path = resolve(options.cwd ?? process.cwd(), text);
  const where: Where = { ref: text };
  const s = await stat(path);
  if (s.isDirectory()) {
    if (exists(resolve(path, 'index.json'))) return readOciLayout(path, `oci:${text}`, null, options);
    return err(new WhittleError('NOT_AN_IMAGE', 'a directory, but not an OCI image layout (no index.json)', where));
  }
  if (s.size === 0) return err(new WhittleError('NOT_AN_IMAGE', 'an empty file, not an image', where));
  const store = await archiveStore(path, where);
  if (!store.ok) {
    if (store.error.code !== 'NOT_AN_IMAGE') return err(new WhittleError(store.error.code, store.error.message, where, { cause: store.error }));
    return err(new WhittleError('NOT_AN_IMAGE', 'not an image: neither a tar archive (docker-archive, OCI archive) nor an OCI layout directory', where, { cause: store.error }));
  }
  if ((await store.value.size('manifest.json')) !== null) return readDockerArchiveStore(store.value, `docker-archive:${text}`, null, options);
  if ((await store.value.size('index.json')) !== null) return readOciStore(store.value, `oci-archive:${text}`, 'oci-archive', null, options, { ref: `oci-archive:${text}` });
  return err(new WhittleError('NOT_AN_IMAGE', 'a tar archive, but it holds neither manifest.json (docker-archive) nor index.json (OCI layout)', where));
}

/**
 * Opens IMAGE as the command line gives it: `docker-archive:`, `oci:`, `oci-archive:`, `registry:` or
 * `engine:` prefixes choose the source; a bare existing path is sniffed (never judged by its name); any
 * other bare `host/repo:tag` is a registry reference.
 */
export async function openImage(text: string, options: OpenImageOptions = {}): Promise<Result<Image>> {
  for (const kind of PREFIXES) {
    if (text.startsWith(`${kind}:`)) return imageSources[kind].open(text.slice(kind.length + 1), options);
  }
  const path = resolve(options.cwd ?? process.cwd(), text);
  if (exists(path)) return sniffPath(text, options);
  if (looksLikePath(text)) return err(new WhittleError('NOT_FOUND', 'no such file or directory', { ref: text }));
  return openRegistryImage(text, options);
}
