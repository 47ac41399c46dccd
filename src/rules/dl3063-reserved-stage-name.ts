// DL3063: `scratch` and `context` already mean something to the builder; a stage named so shadows or confuses them.
import { withKeyword } from './helpers.js';
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';

const RESERVED = ['scratch', 'context'];

export const dl3063: Rule = {
  id: 'DL3063',
  title: 'Do not name a stage with a reserved word',
  category: 'correctness',
  severity: 'warning',
  origin: 'hadolint',
  fixable: false,
  check(df) {
    // Compared as written, as hadolint does.
    return withKeyword(df, 'FROM', { triggers: false })
      .filter((ins) => RESERVED.includes(ins.from?.alias ?? ''))
      .map((ins) => findingAt(dl3063, ins, `stage name "${ins.from?.alias ?? ''}" is a reserved word`));
  },
};
