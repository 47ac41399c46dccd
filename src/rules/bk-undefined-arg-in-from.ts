// UndefinedArgInFrom (BuildKit): FROM uses a variable no global ARG declares (nor BuildKit predefines).
import { expandWord, globalScope, suggestName } from './buildkit-words.js';
import type { Finding, Rule } from './rule.js';
import { findingAt } from './rule.js';

export const undefinedArgInFrom: Rule = {
  id: 'UndefinedArgInFrom',
  title: 'FROM command must use declared ARGs',
  category: 'correctness',
  severity: 'warning',
  origin: 'buildkit',
  fixable: false,
  check(df, ctx) {
    const scope = globalScope(df, ctx);
    const known = new Set([...scope.declared, ...scope.env.keys()]);
    const out: Finding[] = [];
    for (const stage of df.stages) {
      const from = stage.from.from;
      const words = [from?.image ?? '', ...(from?.platform != null ? [from.platform] : [])];
      for (const word of words) {
        for (const name of expandWord(word, scope.env, df.directives.escape).unmatched) {
          if (known.has(name)) continue;
          const suggestion = suggestName(name, scope.declared);
          const hint = suggestion === null ? '' : ` (did you mean ${suggestion}?)`;
          out.push(findingAt(undefinedArgInFrom, stage.from, `FROM argument '${name}' is not declared${hint}`));
        }
      }
    }
    return out;
  },
};
