// ConsistentInstructionCasing (BuildKit): keywords should all be upper case or all lower case, as most of the file is.
import { stageInstructions } from './buildkit.js';
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';

function oneCase(word: string): boolean {
  return word === word.toLowerCase() || word === word.toUpperCase();
}

export const consistentInstructionCasing: Rule = {
  id: 'ConsistentInstructionCasing',
  title: 'All commands within the Dockerfile should use the same casing (either upper or lower)',
  category: 'style',
  severity: 'warning',
  origin: 'buildkit',
  fixable: false,
  check(df) {
    // BuildKit counts the keywords of its stages only (not global ARGs), and only those written in one case;
    // a tie goes to upper case.
    const all = stageInstructions(df);
    const counted = all.map((ins) => ins.rawKeyword).filter(oneCase);
    const lower = counted.filter((k) => k === k.toLowerCase()).length;
    const majorityLower = lower > counted.length - lower;
    return all.flatMap((ins) => {
      const k = ins.rawKeyword;
      const wanted = majorityLower ? k.toLowerCase() : k.toUpperCase();
      if (k === wanted) return [];
      const casing = majorityLower ? 'lowercase' : 'uppercase';
      return [findingAt(consistentInstructionCasing, ins, `Command '${k}' should match the case of the command majority (${casing})`)];
    });
  },
};
