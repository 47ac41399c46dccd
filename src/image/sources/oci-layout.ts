// OCI image layouts, as a directory (`oci:`) or a tar of one (`oci-archive:`): index.json -> manifest -> config and layers.
import { createHash } from 'node:crypto';
import { WhittleError, err, ok } from '../../errors.js';
import type { Result, Where } from '../../errors.js';
import { imageFromParts } from '../assemble.js';
import type { BlobFile } from '../blob.js';
import { isForeignLayer, parseDocument, parsePlatform, selectManifest } from '../manifest.js';
import type { Descriptor, Index, Manifest } from '../manifest.js';
import type { Image, OpenOptions, Opener, Platform, SourceKind } from '../model.js';
import { archiveFileStore, archiveStreamStore, directoryBlobFile, directoryStore } from './store.js';
import type { BlobStore } from './store.js';

const REF_NAME = 'org.opencontainers.image.ref.name';
const CONTAINERD_NAME = 'io.containerd.image.name';

export function blobPath(digest: string): string {
  const [alg, hex] = digest.split(':');
  return `blobs/${alg ?? ''}/${hex ?? ''}`;
}

function hashOf(bytes: Uint8Array, digest: string): string {
  const alg = digest.startsWith('sha512:') ? 'sha512' : 'sha256';
  return `${alg}:${createHash(alg).update(bytes).digest('hex')}`;
}

/** A JSON blob of the layout, checked against its descriptor's digest and size. */
async function readBlob(store: BlobStore, d: Descriptor, where: Where): Promise<Result<Buffer>> {
  const at = { ...where, blob: d.digest };
  const bytes = await store.readSmall(blobPath(d.digest), at);
  if (!bytes.ok) {
    if (bytes.error.code === 'NOT_FOUND') return err(new WhittleError('NOT_FOUND', `blob ${d.digest} is missing from ${store.label}`, at));
    return bytes;
  }
  const actual = hashOf(bytes.value, d.digest);
  if (actual !== d.digest) return err(new WhittleError('DIGEST_MISMATCH', `blob content does not match its digest: expected ${d.digest}, got ${actual}`, at));
  return bytes;
}

function names(d: Descriptor): string[] {
  return [d.annotations[REF_NAME], d.annotations[CONTAINERD_NAME]].filter((x): x is string => x !== undefined);
}

/** `tag` matches a ref.name exactly, or the tag / full name of a containerd image name. */
function matchesTag(d: Descriptor, tag: string): boolean {
  return names(d).some((n) => n === tag || n.endsWith(`:${tag}`) || n.endsWith(`/${tag}`));
}

function requestedPlatform(options: OpenOptions): Result<Platform | null> {
  if (options.platform === undefined) return ok(null);
  return parsePlatform(options.platform);
}

/** Follows index.json (and nested indexes) to one manifest, choosing by name and then by platform. */
async function resolveManifest(store: BlobStore, tag: string | null, options: OpenOptions, where: Where): Promise<Result<{ manifest: Manifest; digest: string }>> {
  const platform = requestedPlatform(options);
  if (!platform.ok) return platform;
  const top = await store.readSmall('index.json', where);
  if (!top.ok) {
    if (top.error.code === 'NOT_FOUND') return err(new WhittleError('NOT_AN_IMAGE', `${store.label} is not an OCI layout (no index.json)`, where));
    return top;
  }
  const doc = parseDocument(top.value, { ...where, file: 'index.json' });
  if (!doc.ok) return doc;
  if (doc.value.kind !== 'index') return err(new WhittleError('MALFORMED_IMAGE', 'index.json is not an image index', where));
  let index: Index = doc.value.index;
  if (tag !== null) {
    const named = index.manifests.filter((m) => matchesTag(m, tag));
    if (named.length === 0) {
      const have = index.manifests.flatMap(names);
      return err(new WhittleError('NOT_FOUND', `no image named ${JSON.stringify(tag)} in ${store.label}${have.length ? `; it has: ${have.join(', ')}` : ''}`, where));
    }
    index = { ...index, manifests: named };
  } else {
    const distinct = new Set(index.manifests.map((m) => names(m)[0] ?? ''));
    if (distinct.size > 1 && index.manifests.every((m) => m.platform === null)) {
      return err(new WhittleError('USAGE', `${store.label} holds several images (${[...distinct].filter(Boolean).join(', ')}); name one, e.g. oci:${store.label}:${[...distinct].find(Boolean) ?? 'NAME'}`, where));
    }
  }
  for (let depth = 0; depth < 4; depth++) {
    const chosen = selectManifest(index, platform.value, where);
    if (!chosen.ok) return chosen;
    const bytes = await readBlob(store, chosen.value, where);
    if (!bytes.ok) return bytes;
    const next = parseDocument(bytes.value, { ...where, blob: chosen.value.digest });
    if (!next.ok) return next;
    if (next.value.kind === 'manifest') return ok({ manifest: next.value.manifest, digest: chosen.value.digest });
    index = next.value.index;
  }
  return err(new WhittleError('MALFORMED_IMAGE', 'image indexes nest too deeply', where));
}

/**
 * An image from any OCI layout, wherever its blobs are: checks every layer blob is present with the size the
 * manifest gives before anything is walked, so a broken layout fails at open, naming the blob.
 */
export async function readOciStore(store: BlobStore, ref: string, source: SourceKind, tag: string | null, options: OpenOptions, where: Where, dir: string | null = null): Promise<Result<Image>> {
  const resolved = await resolveManifest(store, tag, options, where);
  if (!resolved.ok) return resolved;
  const { manifest, digest } = resolved.value;
  const config = await readBlob(store, manifest.config, where);
  if (!config.ok) return config;
  const files = new Map<string, BlobFile | null>();
  for (const [i, d] of manifest.layers.entries()) {
    if (isForeignLayer(d.mediaType) && d.urls.length > 0) continue;
    const at = { ...where, layer: i, blob: d.digest };
    const size = await store.size(blobPath(d.digest));
    if (size === null) {
      if (isForeignLayer(d.mediaType)) continue;
      return err(new WhittleError('NOT_FOUND', `layer blob ${d.digest} is missing from ${store.label}`, at));
    }
    if (size !== d.size) {
      return err(new WhittleError('DIGEST_MISMATCH', `layer blob is ${size} bytes, the manifest says ${d.size} (truncated or replaced)`, at));
    }
    files.set(d.digest, dir !== null ? await directoryBlobFile(dir, blobPath(d.digest)) : store.file(blobPath(d.digest)));
  }
  return imageFromParts({
    ref,
    source,
    digest,
    manifestMediaType: manifest.mediaType,
    configDigest: manifest.config.digest,
    configBytes: config.value,
    manifest,
    openBlob: (d) => store.opener(blobPath(d.digest)),
    blobFile: (d) => files.get(d.digest) ?? null,
    where,
  });
}

/** `oci:DIR[:NAME]`. */
export function readOciLayout(dir: string, ref: string, tag: string | null, options: OpenOptions): Promise<Result<Image>> {
  return readOciStore(directoryStore(dir), ref, 'oci', tag, options, { ref }, dir);
}

/** `oci-archive:PATH[:NAME]`, from a file (read by seeking) or a re-openable stream. */
export async function readOciArchive(input: Opener | { path: string }, ref: string, tag: string | null, options: OpenOptions): Promise<Result<Image>> {
  const where: Where = { ref };
  const store = typeof input === 'function' ? await archiveStreamStore(input, ref, where) : await archiveFileStore(input.path, where);
  if (!store.ok) return store;
  return readOciStore(store.value, ref, 'oci-archive', tag, options, where);
}
