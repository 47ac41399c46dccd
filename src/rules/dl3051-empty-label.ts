// DL3051: a label the schema names should carry a value, not an empty string.
import { badSchemaLabels } from './helpers.js';
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';

export const dl3051: Rule = {
  id: 'DL3051',
  title: 'Do not leave schema labels empty',
  category: 'style',
  severity: 'warning',
  origin: 'hadolint',
  fixable: false,
  check(df, ctx) {
    return badSchemaLabels(df, ctx, null, (value) => value === '')
      .map(({ ins, label }) => findingAt(dl3051, ins, `label "${label}" is empty`));
  },
};
