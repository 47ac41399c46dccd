// DuplicateStageName (BuildKit): two stages of one name make `--from` and `--target` ambiguous.
import type { Finding, Rule } from './rule.js';
import { findingAt } from './rule.js';

export const duplicateStageName: Rule = {
  id: 'DuplicateStageName',
  title: 'Stage names should be unique',
  category: 'correctness',
  severity: 'warning',
  origin: 'buildkit',
  aliases: ['DL3024'],
  fixable: false,
  check(df) {
    const seen = new Set<string>();
    const found: Finding[] = [];
    for (const stage of df.stages) {
      if (stage.name === null) continue;
      // BuildKit lower-cases stage names before comparing them, and names the stage that way.
      const name = stage.name.toLowerCase();
      if (seen.has(name)) found.push(findingAt(duplicateStageName, stage.from, `Duplicate stage name "${name}", stage names should be unique`));
      seen.add(name);
    }
    return found;
  },
};
