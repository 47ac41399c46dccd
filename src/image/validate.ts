// Conformance of an Image to the model's promises; every source's tests run it on what the source produced.
import { isDigest } from './manifest.js';
import type { Image } from './model.js';

/** Problems with an image's shape (digests, diff IDs, layer order, history); empty when it conforms. */
export function validateImage(image: Image): string[] {
  const problems: string[] = [];
  if (!isDigest(image.digest)) problems.push(`image digest ${JSON.stringify(image.digest)} is not a digest`);
  if (!isDigest(image.configDigest)) problems.push(`config digest ${JSON.stringify(image.configDigest)} is not a digest`);
  if (image.ref === '') problems.push('the image has no ref');
  if (image.platform.os === '' || image.platform.architecture === '') problems.push('the image config names no os/architecture');
  const diffIds = image.config.diffIds;
  if (diffIds.length !== image.layers.length) problems.push(`${image.layers.length} layers but ${diffIds.length} rootfs.diff_ids`);
  const nonEmpty = image.config.history.filter((h) => !h.emptyLayer);
  if (image.config.history.length > 0 && nonEmpty.length !== image.layers.length) {
    problems.push(`history has ${nonEmpty.length} non-empty entries for ${image.layers.length} layers`);
  }
  image.layers.forEach((layer, i) => {
    if (layer.index !== i) problems.push(`layer ${i} says its index is ${layer.index}`);
    if (!isDigest(layer.digest)) problems.push(`layer ${i} digest ${JSON.stringify(layer.digest)} is not a digest`);
    if (layer.diffId !== diffIds[i]) problems.push(`layer ${i} diff ID ${layer.diffId} is not rootfs.diff_ids[${i}]`);
    if (layer.compressedSize !== null && (!Number.isSafeInteger(layer.compressedSize) || layer.compressedSize < 0)) {
      problems.push(`layer ${i} has an invalid size ${layer.compressedSize}`);
    }
    const expected = nonEmpty[i]?.createdBy ?? null;
    if (image.config.history.length > 0 && layer.createdBy !== expected) {
      problems.push(`layer ${i} createdBy ${JSON.stringify(layer.createdBy)} is not the ${i}th non-empty history entry's`);
    }
  });
  return problems;
}

/** Reads every layer in full (bodies skipped, every byte hashed): throws on the first digest or tar problem. */
export async function verifyLayers(image: Image): Promise<number> {
  let entries = 0;
  for (const layer of image.layers) for await (const entry of layer.entries({ verify: true })) if (entry.path !== '') entries++;
  return entries;
}
