// The `image {...}` and `layers [...]` objects `inspect` and `analyze` both print (ARCHITECTURE.md: "exactly as
// analyze does"), built in one place from the image and its merged view.
import { redactSecrets } from '../analysis/redact.js';
import type { MergedFs } from '../image/fs.js';
import type { Image } from '../image/model.js';

export interface LayerJson {
  readonly index: number;
  readonly diffId: string;
  readonly digest: string;
  readonly mediaType: string;
  readonly sizeBytes: number;
  readonly compressedBytes: number | null;
  readonly fileCount: number;
  /** history `created_by` as stored (shell prefix kept), secrets masked. */
  readonly createdBy: string | null;
}

export interface ImageJson {
  readonly ref: string;
  readonly digest: string;
  readonly os: string;
  readonly architecture: string;
  readonly sizeBytes: number;
  /** Sum of the blob sizes; null when a source cannot tell one of them without reading it. */
  readonly compressedBytes: number | null;
  readonly layerCount: number;
}

export function imageAndLayersJson(image: Image, fs: Pick<MergedFs, 'layers'>): { image: ImageJson; layers: LayerJson[] } {
  const layers = image.layers.map((l): LayerJson => ({
    index: l.index,
    diffId: l.diffId,
    digest: l.digest,
    mediaType: l.mediaType,
    sizeBytes: fs.layers[l.index]?.sizeBytes ?? 0,
    compressedBytes: l.compressedSize,
    fileCount: fs.layers[l.index]?.fileCount ?? 0,
    createdBy: l.createdBy === null ? null : redactSecrets(l.createdBy),
  }));
  return {
    image: {
      ref: image.ref,
      digest: image.digest,
      os: image.platform.os,
      architecture: image.platform.architecture,
      sizeBytes: layers.reduce((n, l) => n + l.sizeBytes, 0),
      compressedBytes: layers.every((l) => l.compressedBytes !== null) ? layers.reduce((n, l) => n + (l.compressedBytes ?? 0), 0) : null,
      layerCount: layers.length,
    },
    layers,
  };
}
