// docker-archive: what `docker save`, `podman save` and `skopeo copy docker-archive:` write, read by seeking.
import { createHash } from 'node:crypto';
import { WhittleError, err, ok } from '../../errors.js';
import type { Result, Where } from '../../errors.js';
import { imageFromParts } from '../assemble.js';
import { digestOf, sniffCompression } from '../blob.js';
import type { BlobFile } from '../blob.js';
import { MEDIA, isDigest, parseImageConfig } from '../manifest.js';
import type { Descriptor, Manifest } from '../manifest.js';
import type { Digest, Image, OpenOptions, Opener } from '../model.js';
import { readOciStore } from './oci-layout.js';
import { archiveFileStore, archiveStreamStore } from './store.js';
import type { BlobStore } from './store.js';

interface ArchiveEntry {
  readonly config: string;
  readonly repoTags: readonly string[];
  readonly layers: readonly string[];
  readonly layerSources: Readonly<Record<string, Descriptor>>;
}

const LAYER_MEDIA = {
  gzip: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
  zstd: 'application/vnd.oci.image.layer.v1.tar+zstd',
  none: 'application/vnd.docker.image.rootfs.diff.tar',
} as const;

function parseArchiveManifest(bytes: Buffer, where: Where): Result<ArchiveEntry[]> {
  let doc: unknown;
  try {
    doc = JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    return err(new WhittleError('MALFORMED_IMAGE', `manifest.json is not valid JSON (${(e as Error).message})`, where));
  }
  if (!Array.isArray(doc)) return err(new WhittleError('MALFORMED_IMAGE', 'manifest.json is not a list of images', where));
  const out: ArchiveEntry[] = [];
  for (const [i, raw] of doc.entries()) {
    const e = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
    const layers = Array.isArray(e.Layers) ? e.Layers.filter((x): x is string => typeof x === 'string') : null;
    if (typeof e.Config !== 'string' || layers === null) {
      return err(new WhittleError('MALFORMED_IMAGE', `manifest.json entry ${i} lacks Config or Layers`, where));
    }
    const sources: Record<string, Descriptor> = {};
    if (e.LayerSources && typeof e.LayerSources === 'object') {
      for (const [id, d] of Object.entries(e.LayerSources as Record<string, unknown>)) {
        const x = (d && typeof d === 'object' ? d : {}) as Record<string, unknown>;
        if (isDigest(x.digest) && typeof x.size === 'number') {
          sources[id] = { mediaType: typeof x.mediaType === 'string' ? x.mediaType : '', digest: x.digest, size: x.size, urls: Array.isArray(x.urls) ? x.urls.filter((u): u is string => typeof u === 'string') : [], platform: null, annotations: {} };
        }
      }
    }
    out.push({
      config: e.Config,
      repoTags: Array.isArray(e.RepoTags) ? e.RepoTags.filter((x): x is string => typeof x === 'string') : [],
      layers,
      layerSources: sources,
    });
  }
  return ok(out);
}

/** `name` matches `repo:tag` in full, or by its tag, or by repo when the repo carries no tag. */
function matchesName(tags: readonly string[], name: string): boolean {
  return tags.some((t) => t === name || t.endsWith(`/${name}`) || t.endsWith(`:${name}`) || t === `docker.io/library/${name}` || t === `docker.io/${name}`);
}

function chooseEntry(entries: readonly ArchiveEntry[], name: string | null, label: string, where: Where): Result<ArchiveEntry> {
  if (name !== null) {
    const byIndex = /^@(\d+)$/.exec(name);
    const found = byIndex ? entries[Number(byIndex[1])] : entries.find((e) => matchesName(e.repoTags, name));
    if (found) return ok(found);
    return err(new WhittleError('NOT_FOUND', `no image ${JSON.stringify(name)} in ${label}; it has: ${entries.map((e, i) => e.repoTags.join(' ') || `@${i}`).join(', ')}`, where));
  }
  const [only] = entries;
  if (entries.length === 1 && only !== undefined) return ok(only);
  if (entries.length === 0) return err(new WhittleError('MALFORMED_IMAGE', 'manifest.json lists no images', where));
  return err(new WhittleError('USAGE', `${label} holds ${entries.length} images (${entries.map((e, i) => e.repoTags[0] ?? `@${i}`).join(', ')}); name one as docker-archive:${label}:NAME`, where));
}

async function hashMember(store: BlobStore, name: string): Promise<Digest> {
  const h = createHash('sha256');
  for await (const c of await store.opener(name)()) h.update(c as Buffer);
  return `sha256:${h.digest('hex')}`;
}

/** Docker ≥ 25 and `skopeo` name blobs by digest; Docker ≤ 24 names layer dirs by a v1 id, which is not one. */
function digestFromName(name: string): Digest | null {
  const m = /(?:^|\/)blobs\/(sha256|sha512)\/([a-f0-9]+)$/.exec(name) ?? /(?:^|\/)()([a-f0-9]{64})\.tar(?:\.gz|\.zst)?$/.exec(name);
  if (!m) return null;
  const d = `${m[1] || 'sha256'}:${m[2] ?? ''}`;
  return isDigest(d) ? d : null;
}

async function fromManifestJson(store: BlobStore, ref: string, name: string | null, where: Where): Promise<Result<Image>> {
  const manifestBytes = await store.readSmall('manifest.json', where);
  if (!manifestBytes.ok) return manifestBytes;
  const entries = parseArchiveManifest(manifestBytes.value, { ...where, file: 'manifest.json' });
  if (!entries.ok) return entries;
  const entry = chooseEntry(entries.value, name, store.label, where);
  if (!entry.ok) return entry;
  const configBytes = await store.readSmall(entry.value.config, where);
  if (!configBytes.ok) return configBytes;
  const configDigest = digestOf(configBytes.value);
  const config = parseImageConfig(configBytes.value, { ...where, blob: configDigest });
  if (!config.ok) return config;

  const layers: Descriptor[] = [];
  const files = new Map<string, BlobFile | null>();
  const names = new Map<string, string>();
  for (const [i, layerName] of entry.value.layers.entries()) {
    const diffId = config.value.diffIds[i];
    const at: Where = { ...where, layer: i };
    const size = await store.size(layerName);
    if (size === null) {
      const foreign = diffId !== undefined ? entry.value.layerSources[diffId] : undefined;
      if (foreign !== undefined) {
        layers.push(foreign);
        continue;
      }
      return err(new WhittleError('NOT_FOUND', `layer ${layerName} is missing from the archive ${store.label}`, at));
    }
    const compression = sniffCompression(await store.head(layerName));
    // An uncompressed layer's blob is its diff: the digest is the diff ID, checked as it streams.
    const digest = compression === 'none' && diffId !== undefined ? diffId : digestFromName(layerName) ?? (await hashMember(store, layerName));
    layers.push({ mediaType: LAYER_MEDIA[compression], digest, size, urls: [], platform: null, annotations: {} });
    names.set(digest, layerName);
    files.set(digest, store.file(layerName));
  }
  const manifest: Manifest = {
    mediaType: MEDIA.dockerManifest,
    config: { mediaType: MEDIA.dockerConfig, digest: configDigest, size: configBytes.value.length, urls: [], platform: null, annotations: {} },
    layers,
  };
  return imageFromParts({
    ref,
    source: 'docker-archive',
    digest: configDigest, // an archive has no manifest digest; the config's is the image ID
    manifestMediaType: MEDIA.dockerManifest,
    configDigest,
    configBytes: configBytes.value,
    manifest,
    openBlob: (d) => store.opener(names.get(d.digest) ?? ''),
    blobFile: (d) => files.get(d.digest) ?? null,
    where,
  });
}

/** Splits `PATH[:NAME]` where NAME picks one image of several; a path that exists as given wins. */
export function splitArchiveRef(text: string, exists: (p: string) => boolean): { path: string; name: string | null } {
  if (exists(text)) return { path: text, name: null };
  const colon = text.lastIndexOf(':');
  if (colon > 0 && exists(text.slice(0, colon))) return { path: text.slice(0, colon), name: text.slice(colon + 1) };
  // `repo:tag` names contain a colon too: try the first colon after the last slash of the path part.
  for (let i = text.indexOf(':'); i > 0; i = text.indexOf(':', i + 1)) {
    if (exists(text.slice(0, i))) return { path: text.slice(0, i), name: text.slice(i + 1) };
  }
  return { path: text, name: null };
}

/**
 * Reads a docker-archive from a file (members read by seeking) or a re-openable stream. Archives that carry
 * an OCI layout too (Docker ≥ 25) are read through it: that gives the real manifest digest and media types.
 * `options.name` (additive) picks one image of several by `repo:tag`, tag, or `@index`.
 */
export async function readDockerArchive(open: Opener | { path: string }, ref: string, options: OpenOptions & { name?: string | null }): Promise<Result<Image>> {
  const where: Where = { ref };
  const store = typeof open === 'function' ? await archiveStreamStore(open, ref, where) : await archiveFileStore(open.path, where);
  if (!store.ok) return store;
  return readDockerArchiveStore(store.value, ref, options.name ?? null, options);
}

/** The docker-archive in an indexed archive (see readDockerArchive). */
export async function readDockerArchiveStore(store: BlobStore, ref: string, name: string | null, options: OpenOptions): Promise<Result<Image>> {
  const where: Where = { ref };
  const hasManifest = (await store.size('manifest.json')) !== null;
  const hasLayout = (await store.size('index.json')) !== null && (await store.size('oci-layout')) !== null;
  if (hasLayout) {
    const viaOci = await readOciStore(store, ref, 'docker-archive', name, options, where);
    if (viaOci.ok || !hasManifest) return viaOci;
  }
  if (!hasManifest) return err(new WhittleError('NOT_AN_IMAGE', `${store.label} is a tar archive but not a docker-archive (no manifest.json)`, where));
  return fromManifestJson(store, ref, name, where);
}
