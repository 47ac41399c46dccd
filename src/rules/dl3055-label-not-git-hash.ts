// DL3055: a label the schema types as `hash` must hold a git commit hash, short (7) or full (40 hex digits).
import { badSchemaLabels } from './helpers.js';
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';

export function isGitHash(value: string): boolean {
  return /^(?:[0-9a-f]{7}|[0-9a-f]{40})$/.test(value);
}

export const dl3055: Rule = {
  id: 'DL3055',
  title: 'Put a git hash in `hash` labels',
  category: 'style',
  severity: 'warning',
  origin: 'hadolint',
  fixable: false,
  check(df, ctx) {
    return badSchemaLabels(df, ctx, 'git-hash', (value) => !isGitHash(value))
      .map(({ ins, label }) => findingAt(dl3055, ins, `label "${label}" is not a git hash (7 or 40 lower-case hex digits)`));
  },
};
