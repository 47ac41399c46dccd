// Turns what a source found (manifest, config bytes, blob openers) into the one Image model.
import { WhittleError, err, ok } from '../errors.js';
import type { Result, Where } from '../errors.js';
import { digestOf, layerFromBlob } from './blob.js';
import type { BlobFile } from './blob.js';
import { createdByPerLayer, isForeignLayer, layerCompression, parseImageConfig } from './manifest.js';
import type { Descriptor, Manifest } from './manifest.js';
import type { Digest, Image, Layer, Opener, Platform, SourceKind } from './model.js';

export interface ImageParts {
  readonly ref: string;
  readonly source: SourceKind;
  readonly digest: Digest;
  readonly manifestMediaType: string;
  readonly configDigest: Digest;
  readonly configBytes: Uint8Array;
  readonly manifest: Manifest;
  readonly openBlob: (d: Descriptor) => Opener;
  readonly where: Where;
  /** Where a blob lies on disk, for header-only seeks over uncompressed layers (optional, additive). */
  readonly blobFile?: ((d: Descriptor) => BlobFile | null) | undefined;
}

/**
 * Parses the config, checks it against the manifest (config digest, one diff ID per layer, known layer
 * media types) and builds the layers in manifest order, each created-by taken from the non-empty history.
 */
export function imageFromParts(parts: ImageParts): Result<Image> {
  const { manifest, where } = parts;
  const configWhere: Where = { ...where, blob: parts.configDigest };
  const actual = digestOf(parts.configBytes, parts.configDigest.startsWith('sha512:') ? 'sha512' : 'sha256');
  if (actual !== parts.configDigest) {
    return err(new WhittleError('DIGEST_MISMATCH', `image config does not match its digest: expected ${parts.configDigest}, got ${actual}`, configWhere));
  }
  const parsed = parseImageConfig(parts.configBytes, configWhere);
  if (!parsed.ok) return parsed;
  const config = parsed.value;
  if (manifest.layers.length !== config.diffIds.length) {
    return err(new WhittleError('MALFORMED_IMAGE', `the manifest lists ${manifest.layers.length} layers but the config has ${config.diffIds.length} rootfs.diff_ids`, configWhere));
  }
  const createdBy = createdByPerLayer(config.history, manifest.layers.length);
  const layers: Layer[] = [];
  for (const [index, d] of manifest.layers.entries()) {
    const foreign = isForeignLayer(d.mediaType);
    if (!foreign && layerCompression(d.mediaType) === null) {
      return err(new WhittleError('MALFORMED_IMAGE', `layer has unknown media type ${JSON.stringify(d.mediaType)}`, { ...where, layer: index, blob: d.digest }));
    }
    const file = parts.blobFile?.(d) ?? undefined;
    layers.push(layerFromBlob(parts.openBlob(d), {
      index,
      digest: d.digest,
      diffId: config.diffIds[index] as Digest,
      mediaType: d.mediaType,
      compressedSize: d.size,
      createdBy: createdBy[index] ?? null,
      foreign,
      file,
    }, where));
  }
  const platform: Platform = config.variant ? { os: config.os, architecture: config.architecture, variant: config.variant } : { os: config.os, architecture: config.architecture };
  return ok({
    ref: parts.ref,
    source: parts.source,
    digest: parts.digest,
    manifestMediaType: parts.manifestMediaType,
    configDigest: parts.configDigest,
    platform,
    config,
    layers,
  });
}
