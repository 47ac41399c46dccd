// DL3024: two stages with one name make `--from=name` and `--target name` ambiguous.
import type { Finding, Rule } from './rule.js';
import { findingAt } from './rule.js';

export const dl3024: Rule = {
  id: 'DL3024',
  title: 'FROM aliases (stage names) must be unique',
  category: 'correctness',
  severity: 'error',
  origin: 'hadolint',
  fixable: false,
  check(df) {
    const seen = new Set<string>();
    const found: Finding[] = [];
    for (const stage of df.stages) {
      if (stage.name === null) continue;
      // BuildKit compares stage names case-insensitively (hadolint compares them as written).
      const key = stage.name.toLowerCase();
      if (seen.has(key)) found.push(findingAt(dl3024, stage.from, `stage name "${stage.name}" is already used by an earlier stage`));
      seen.add(key);
    }
    return found;
  },
};
