// `npm run bench`: every benchmark, each a ratio against its baseline; exits 1 when a ratio is over its limit.
import { lintBench } from './lint.bench.js';

const results = [...(await lintBench())];
const failed = results.filter((r) => !r.ok);
console.log(`${results.length - failed.length} passed, ${failed.length} failed`);
process.exitCode = failed.length > 0 ? 1 : 0;
