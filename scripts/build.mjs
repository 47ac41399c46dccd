// Builds the CLI into one ESM bundle (dist/whittle.js) plus chunks for commands loaded on demand. One bundle
// starts in half the time of ~150 separate modules (bench/lint measures the cold start); packages with native
// or wasm parts stay external, and `import()`ed commands (inspect: image readers, native zstd) load only when run.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/main.ts'],
  outdir: 'dist',
  entryNames: 'whittle',
  chunkNames: 'chunks/[name]-[hash]',
  splitting: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['web-tree-sitter', 'tree-sitter-bash', 'zstd-napi'],
  // Bundled CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __whittleRequire } from 'node:module'; const require = __whittleRequire(import.meta.url);" },
  sourcemap: 'linked',
  logLevel: 'warning',
});
