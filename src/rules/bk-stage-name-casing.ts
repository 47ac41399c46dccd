// StageNameCasing (BuildKit): stage names are matched in lower case, so a mixed-case name reads as another name.
import { stageNameWords } from './buildkit.js';
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';

export const stageNameCasing: Rule = {
  id: 'StageNameCasing',
  title: 'Stage names should be lowercase',
  category: 'style',
  severity: 'warning',
  origin: 'buildkit',
  fixable: false,
  check(df) {
    return df.instructions
      .filter((ins) => ins.keyword === 'FROM')
      .flatMap((ins) => {
        const named = stageNameWords(ins);
        if (named === null || named.name === named.name.toLowerCase()) return [];
        return [findingAt(stageNameCasing, ins, `Stage name '${named.name}' should be lowercase`)];
      });
  },
};
