// LegacyKeyValueFormat (BuildKit): `ENV key value` sets one variable to the rest of the line; `key=value` says so.
import type { Instruction } from '../dockerfile/model.js';
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';

// The first argument word as BuildKit splits it (quotes and escapes kept together): the legacy form is the
// one whose first word has no `=`.
function firstWord(args: string, escape: string): string {
  let quote: string | null = null;
  let out = '';
  for (let i = 0; i < args.length; i++) {
    const ch = args[i] ?? '';
    if (ch === escape && quote !== "'") {
      out += ch + (args[i + 1] ?? '');
      i++;
      continue;
    }
    if (quote === null && /\s/.test(ch)) {
      if (out !== '') break;
      continue;
    }
    if (ch === '"' || ch === "'") quote = quote === null ? ch : quote === ch ? null : quote;
    out += ch;
  }
  return out;
}

function legacy(ins: Instruction, escape: string): boolean {
  const word = firstWord(ins.args.trim(), escape);
  return word !== '' && !word.includes('=');
}

export const legacyKeyValueFormat: Rule = {
  id: 'LegacyKeyValueFormat',
  title: 'Legacy key/value format with whitespace separator should not be used',
  category: 'style',
  severity: 'warning',
  origin: 'buildkit',
  fixable: false,
  check(df) {
    return df.instructions
      .filter((ins) => ins.stage >= 0 && (ins.keyword === 'ENV' || ins.keyword === 'LABEL') && legacy(ins, df.directives.escape))
      .map((ins) => findingAt(legacyKeyValueFormat, ins, `"${ins.rawKeyword} key=value" should be used instead of legacy "${ins.rawKeyword} key value" format`));
  },
};
