// OCI image-spec and Docker v2 schema 2 documents: media types, manifest/index/config parsing, platform
// choice, and history-to-layer mapping. Shared by every source; pure (bytes in, typed values out).
import { WhittleError, err, ok } from '../errors.js';
import type { Result, Where } from '../errors.js';
import type { Digest, HistoryEntry, ImageConfig, Platform } from './model.js';

export const MEDIA = {
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerConfig: 'application/vnd.docker.container.image.v1+json',
} as const;

export const MANIFEST_ACCEPT = [MEDIA.ociIndex, MEDIA.ociManifest, MEDIA.dockerList, MEDIA.dockerManifest].join(', ');

export interface Descriptor {
  readonly mediaType: string;
  readonly digest: Digest;
  readonly size: number;
  readonly urls: readonly string[];
  readonly platform: Platform | null;
  readonly annotations: Readonly<Record<string, string>>;
}

export interface Manifest {
  readonly mediaType: string;
  readonly config: Descriptor;
  readonly layers: readonly Descriptor[];
}

export interface Index {
  readonly mediaType: string;
  readonly manifests: readonly Descriptor[];
}

const DIGEST_RE = /^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;

export function isDigest(value: unknown): value is Digest {
  return typeof value === 'string' && DIGEST_RE.test(value);
}

function bad(message: string, where: Where): { ok: false; error: WhittleError } {
  return err(new WhittleError('MALFORMED_IMAGE', message, where));
}

function parseJson(bytes: Uint8Array | string, what: string, where: Where): Result<Record<string, unknown>> {
  try {
    const v: unknown = JSON.parse(typeof bytes === 'string' ? bytes : Buffer.from(bytes).toString('utf8'));
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return bad(`${what} is not a JSON object`, where);
    return ok(v as Record<string, unknown>);
  } catch (e) {
    return bad(`${what} is not valid JSON (${(e as Error).message})`, where);
  }
}

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

function strRecord(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) if (typeof x === 'string') out[k] = x;
  return out;
}

function strList(v: unknown): string[] | null {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : null;
}

function platformOf(v: unknown): Platform | null {
  if (!v || typeof v !== 'object') return null;
  const p = v as Record<string, unknown>;
  const os = str(p.os);
  const architecture = str(p.architecture);
  if (os === null || architecture === null) return null;
  const variant = str(p.variant);
  return variant ? { os, architecture, variant } : { os, architecture };
}

function descriptor(v: unknown, what: string, where: Where): Result<Descriptor> {
  if (!v || typeof v !== 'object') return bad(`${what} is not a descriptor object`, where);
  const d = v as Record<string, unknown>;
  if (!isDigest(d.digest)) return bad(`${what} has an invalid digest ${JSON.stringify(d.digest)}`, where);
  if (typeof d.size !== 'number' || !Number.isSafeInteger(d.size) || d.size < 0) {
    return bad(`${what} ${d.digest} has an invalid size ${JSON.stringify(d.size)}`, { ...where, blob: d.digest });
  }
  return ok({
    mediaType: str(d.mediaType) ?? '',
    digest: d.digest,
    size: d.size,
    urls: strList(d.urls) ?? [],
    platform: platformOf(d.platform),
    annotations: strRecord(d.annotations),
  });
}

/** The top-level document kind, from its mediaType or (for old documents without one) its shape. */
export function documentKind(doc: Record<string, unknown>): 'index' | 'manifest' | 'unknown' {
  const mt = str(doc.mediaType);
  if (mt === MEDIA.ociIndex || mt === MEDIA.dockerList) return 'index';
  if (mt === MEDIA.ociManifest || mt === MEDIA.dockerManifest) return 'manifest';
  if (mt === null && Array.isArray(doc.manifests)) return 'index';
  if (mt === null && Array.isArray(doc.layers) && doc.config) return 'manifest';
  return 'unknown';
}

export function parseDocument(bytes: Uint8Array | string, where: Where): Result<{ kind: 'index'; index: Index } | { kind: 'manifest'; manifest: Manifest }> {
  const json = parseJson(bytes, 'manifest', where);
  if (!json.ok) return json;
  const doc = json.value;
  const kind = documentKind(doc);
  if (kind === 'index') {
    const list = Array.isArray(doc.manifests) ? doc.manifests : [];
    const manifests: Descriptor[] = [];
    for (const [i, m] of list.entries()) {
      const d = descriptor(m, `manifests[${i}]`, where);
      if (!d.ok) return d;
      manifests.push(d.value);
    }
    return ok({ kind, index: { mediaType: str(doc.mediaType) ?? MEDIA.ociIndex, manifests } });
  }
  if (kind === 'manifest') {
    const config = descriptor(doc.config, 'config', where);
    if (!config.ok) return config;
    const layers: Descriptor[] = [];
    for (const [i, l] of (Array.isArray(doc.layers) ? doc.layers : []).entries()) {
      const d = descriptor(l, `layers[${i}]`, where);
      if (!d.ok) return d;
      layers.push(d.value);
    }
    return ok({ kind, manifest: { mediaType: str(doc.mediaType) ?? MEDIA.ociManifest, config: config.value, layers } });
  }
  const mt = str(doc.mediaType);
  if (mt === 'application/vnd.docker.distribution.manifest.v1+json' || doc.schemaVersion === 1) {
    return bad('Docker schema 1 manifests are not supported (deprecated; re-push the image with a current client)', where);
  }
  return bad(`unknown manifest media type ${JSON.stringify(mt)}`, where);
}

/** Parse `os/arch[/variant]`. */
export function parsePlatform(text: string): Result<Platform> {
  const parts = text.split('/');
  const [os, architecture, variant] = parts;
  if (parts.length < 2 || parts.length > 3 || !os || !architecture) {
    return err(new WhittleError('USAGE', `--platform expects os/arch[/variant], got "${text}"`));
  }
  return ok(variant ? { os, architecture, variant } : { os, architecture });
}

export function formatPlatform(p: Platform): string {
  return `${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ''}`;
}

/** The platform this machine runs, in OCI terms. */
export function hostPlatform(): Platform {
  const arch: Record<string, string> = { x64: 'amd64', arm64: 'arm64', arm: 'arm', ia32: '386', ppc64: 'ppc64le', s390x: 's390x', riscv64: 'riscv64' };
  const os = process.platform === 'win32' ? 'windows' : process.platform;
  return { os, architecture: arch[process.arch] ?? process.arch };
}

function samePlatform(a: Platform, want: Platform): boolean {
  if (a.os !== want.os || a.architecture !== want.architecture) return false;
  // arm64 images usually say v8 or nothing; a wanted variant must match when both give one.
  return want.variant === undefined || a.variant === undefined || a.variant === want.variant;
}

/**
 * Pick the manifest for a platform from an index. Attestation manifests (platform unknown/unknown) never count.
 * With exactly one real image and no explicit request, that image is taken whatever its platform.
 */
export function selectManifest(index: Index, requested: Platform | null, where: Where): Result<Descriptor> {
  const images = index.manifests.filter(
    (m) => m.annotations['vnd.docker.reference.type'] !== 'attestation-manifest' && m.platform?.os !== 'unknown',
  );
  if (images.length === 0) return bad('the image index lists no image manifests', where);
  const only = images[0];
  if (images.length === 1 && only !== undefined && (requested === null || only.platform === null || samePlatform(only.platform, requested))) return ok(only);
  const want = requested ?? hostPlatform();
  const match = images.find((m) => m.platform !== null && samePlatform(m.platform, want));
  if (match) return ok(match);
  const have = images.map((m) => (m.platform ? formatPlatform(m.platform) : 'unknown')).join(', ');
  return err(new WhittleError('PLATFORM', `no image for platform ${formatPlatform(want)}; the index has: ${have}`, where));
}

function historyOf(v: unknown): HistoryEntry[] {
  if (!Array.isArray(v)) return [];
  return v.map((h: unknown) => {
    const e = (h && typeof h === 'object' ? h : {}) as Record<string, unknown>;
    return {
      created: str(e.created),
      createdBy: str(e.created_by),
      comment: str(e.comment),
      emptyLayer: e.empty_layer === true,
    };
  });
}

function nanosToSeconds(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v / 1e9 : null;
}

export function parseImageConfig(bytes: Uint8Array | string, where: Where): Result<ImageConfig> {
  const json = parseJson(bytes, 'image config', where);
  if (!json.ok) return json;
  const doc = json.value;
  const c = (doc.config && typeof doc.config === 'object' ? doc.config : {}) as Record<string, unknown>;
  const rootfs = (doc.rootfs && typeof doc.rootfs === 'object' ? doc.rootfs : {}) as Record<string, unknown>;
  const diffIds = strList(rootfs.diff_ids);
  if (diffIds === null) return bad('image config has no rootfs.diff_ids', where);
  const badId = diffIds.find((d) => !isDigest(d));
  if (badId !== undefined) return bad(`image config has an invalid diff_id ${JSON.stringify(badId)}`, where);
  const hc = (c.Healthcheck && typeof c.Healthcheck === 'object' ? c.Healthcheck : null) as Record<string, unknown> | null;
  return ok({
    os: str(doc.os) ?? '',
    architecture: str(doc.architecture) ?? '',
    variant: str(doc.variant),
    user: str(c.User) || null,
    env: strList(c.Env) ?? [],
    entrypoint: strList(c.Entrypoint),
    cmd: strList(c.Cmd),
    exposedPorts: Object.keys((c.ExposedPorts && typeof c.ExposedPorts === 'object' ? c.ExposedPorts : {})).sort(),
    labels: strRecord(c.Labels),
    healthcheck: hc === null ? null : {
      test: strList(hc.Test) ?? [],
      interval: nanosToSeconds(hc.Interval),
      timeout: nanosToSeconds(hc.Timeout),
      retries: typeof hc.Retries === 'number' ? hc.Retries : null,
    },
    workingDir: str(c.WorkingDir) || null,
    diffIds,
    history: historyOf(doc.history),
  });
}

/**
 * The `created_by` of each layer: history entries marked `empty_layer` make no layer, the others map to
 * layers in order. Where history is shorter or longer than the layer list, unmatched layers get null.
 */
export function createdByPerLayer(history: readonly HistoryEntry[], layerCount: number): (string | null)[] {
  const nonEmpty = history.filter((h) => !h.emptyLayer);
  return Array.from({ length: layerCount }, (_, i) => nonEmpty[i]?.createdBy ?? null);
}

/** Layer media types whittle can read, with how the blob is compressed. */
export function layerCompression(mediaType: string): 'gzip' | 'zstd' | 'none' | 'sniff' | null {
  if (/\.tar\+gzip$|\.tar\.gzip$|rootfs\.diff\.tar\.gzip$|\.foreign\.diff\.tar\.gzip$/.test(mediaType)) return 'gzip';
  if (/\.tar\+zstd$/.test(mediaType)) return 'zstd';
  if (/\.tar$/.test(mediaType) || mediaType === 'application/vnd.docker.image.rootfs.diff.tar') return 'none';
  if (mediaType === '') return 'sniff';
  return null;
}

export function isForeignLayer(mediaType: string): boolean {
  return mediaType.includes('foreign') || mediaType.includes('nondistributable');
}
