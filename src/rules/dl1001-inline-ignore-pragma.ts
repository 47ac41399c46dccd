// DL1001: an inline `# hadolint ignore=` hides a finding where reviewers rarely look; config is the better place.
import { readPragmas } from './pragmas.js';
import type { Rule } from './rule.js';
import { findingAtLine } from './rule.js';

// Only pragmas that silence the next instruction count, as in hadolint: `global ignore` and `stage-ignore`
// are file-level decisions, not inline ones.
const INLINE_IGNORE = /^(hadolint|whittle)\s+ignore\s*=\s*\S/i;

export const dl1001: Rule = {
  id: 'DL1001',
  title: 'Avoid inline ignore pragmas',
  category: 'style',
  severity: 'ignore',
  origin: 'hadolint',
  fixable: false,
  check(df) {
    const lines = new Set(readPragmas(df).ignoreLines);
    return df.comments
      .filter((c) => lines.has(c.line) && INLINE_IGNORE.test(c.text))
      .map((c) => findingAtLine(dl1001, c.line, 'Inline ignore pragma: prefer ignoring the rule in configuration'));
  },
};
