// Output formats per command, in a module of their own so `main.ts` can declare every command without
// loading the heavy ones (image readers, native zstd) until a command runs.
export const INSPECT_FORMATS = ['tty', 'json'] as const;
export type InspectFormat = (typeof INSPECT_FORMATS)[number];
