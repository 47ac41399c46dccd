// Child process for bench/analyze: analyses an image (`walk:IMAGE`: only merges it; `-`: only loads the modules) and prints its peak RSS.
import { analyzeImage } from '../src/analysis/run.js';
import { imageFs } from '../src/image/fs.js';
import { openImage } from '../src/image/sources/index.js';

const [ref] = process.argv.slice(2);
if (ref === undefined) throw new Error('usage: analyze-rss.ts IMAGE|-');
let paths = 0;
if (ref.startsWith('walk:')) {
  // The bare walk over the same image, for comparison.
  const image = await openImage(ref.slice(5), { cacheDir: null });
  if (!image.ok) throw image.error;
  paths = (await imageFs(image.value)).pathCount;
} else if (ref !== '-') {
  const image = await openImage(ref, { cacheDir: null });
  if (!image.ok) throw image.error;
  const a = await analyzeImage(image.value);
  paths = a.fs.pathCount;
}
process.stdout.write(`${JSON.stringify({ paths, maxRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`);
