// Output formats per command, in a module of their own so `main.ts` can declare every command without
// loading the heavy ones (image readers, native zstd) until a command runs.
export const INSPECT_FORMATS = ['tty', 'json'] as const;
export type InspectFormat = (typeof INSPECT_FORMATS)[number];
export const CONTEXT_FORMATS = ['tty', 'json', 'markdown'] as const;
export const ANALYZE_FORMATS = ['tty', 'json', 'markdown', 'sarif', 'junit'] as const;
export type AnalyzeFormat = (typeof ANALYZE_FORMATS)[number];

/** Builders `fix --verify` can drive; `auto` takes buildah when installed, else docker. */
export const BUILDER_KINDS = ['auto', 'buildah', 'docker'] as const;
export type BuilderKind = (typeof BUILDER_KINDS)[number];
export const RULES_FORMATS = ['tty', 'json', 'markdown'] as const;
export type RulesFormat = (typeof RULES_FORMATS)[number];
/** What `whittle rules --scope` lists: Dockerfile rules (lint), image rules (analyze), context rules (context). */
export const RULE_SCOPES = ['all', 'dockerfile', 'image', 'context'] as const;
export type RuleScope = (typeof RULE_SCOPES)[number];
