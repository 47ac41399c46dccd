// FromAsCasing (BuildKit): `FROM x as y` mixes cases; the `AS` keyword should be cased like `FROM`.
import { stageNameWords } from './buildkit.js';
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';

function oneCase(word: string): boolean {
  return word === word.toLowerCase() || word === word.toUpperCase();
}

export const fromAsCasing: Rule = {
  id: 'FromAsCasing',
  title: "The 'as' keyword should match the case of the 'from' keyword",
  category: 'style',
  severity: 'warning',
  origin: 'buildkit',
  fixable: false,
  check(df) {
    return df.instructions
      .filter((ins) => ins.keyword === 'FROM')
      .flatMap((ins) => {
        const named = stageNameWords(ins);
        const from = ins.rawKeyword;
        // A mixed-case `From` is ConsistentInstructionCasing's to report; BuildKit stays silent here then.
        if (named === null || !oneCase(from)) return [];
        const wanted = from === from.toLowerCase() ? named.as.toLowerCase() : named.as.toUpperCase();
        if (named.as === wanted) return [];
        return [findingAt(fromAsCasing, ins, `'${named.as}' and '${from}' keywords' casing do not match`)];
      });
  },
};
