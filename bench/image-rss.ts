// Child process for bench/image: merges the first N layers of an image (or, with N = 0, only loads the same
// modules) and prints its peak RSS, so the parent can see memory per path without its own heap in the way.
import { imageFs } from '../src/image/fs.js';
import { openImage } from '../src/image/sources/index.js';

const [ref, count] = process.argv.slice(2);
const layers = Number(count ?? 'NaN');
if (ref === undefined || !Number.isInteger(layers)) throw new Error('usage: image-rss.ts IMAGE LAYERS');
let paths = 0;
if (layers > 0) {
  const image = await openImage(ref);
  if (!image.ok) throw image.error;
  const fs = await imageFs({ ...image.value, layers: image.value.layers.slice(0, layers) });
  paths = fs.pathCount;
}
process.stdout.write(`${JSON.stringify({ paths, maxRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`);
