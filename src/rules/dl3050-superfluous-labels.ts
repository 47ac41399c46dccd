// DL3050: with `strict-labels` on, a LABEL may only set keys the label schema names.
import { withKeyword } from './helpers.js';
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';

export const dl3050: Rule = {
  id: 'DL3050',
  title: 'Set only labels the schema names',
  category: 'style',
  severity: 'info',
  origin: 'hadolint',
  fixable: false,
  check(df, ctx) {
    if (!ctx.strictLabels) return [];
    const known = new Set(Object.keys(ctx.labelSchema));
    // hadolint checks top-level LABELs only, not ONBUILD LABEL triggers.
    return withKeyword(df, 'LABEL', { triggers: false }).flatMap((ins) => {
      const extra = (ins.pairs ?? []).filter((p) => !known.has(p.key)).map((p) => `"${p.key}"`);
      return extra.length === 0 ? [] : [findingAt(dl3050, ins, `label ${extra.join(', ')} is not in the label schema (strict labels)`)];
    });
  },
};
