// `npm run bench`: every benchmark, each a ratio against its baseline; exits 1 when a ratio is over its limit.
import { analyzeBench } from './analyze.bench.js';
import { contextBench } from './context.bench.js';
import { imageBench } from './image.bench.js';
import { lintBench } from './lint.bench.js';

const results = [...(await lintBench()), ...(await contextBench()), ...(await imageBench()), ...(await analyzeBench())];
const failed = results.filter((r) => !r.ok);
console.log(`${results.length - failed.length} passed, ${failed.length} failed`);
process.exitCode = failed.length > 0 ? 1 : 0;
