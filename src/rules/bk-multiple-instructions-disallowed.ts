// MultipleInstructionsDisallowed (BuildKit): of several CMD, ENTRYPOINT or HEALTHCHECK in a stage only the last counts.
import type { Instruction } from '../dockerfile/model.js';
import type { Finding, Rule } from './rule.js';
import { findingAt } from './rule.js';

const ONCE = ['CMD', 'ENTRYPOINT', 'HEALTHCHECK'];

export const multipleInstructionsDisallowed: Rule = {
  id: 'MultipleInstructionsDisallowed',
  title: 'Multiple instructions of the same type should not be used in the same stage',
  category: 'correctness',
  severity: 'warning',
  origin: 'buildkit',
  // Not an alias of DL4003/DL4004: BuildKit flags the instruction that is overridden, hadolint the one that
  // overrides it, so the two never speak about the same line.
  fixable: false,
  check(df) {
    const found: Finding[] = [];
    for (const stage of df.stages) {
      const last = new Map<string, Instruction>();
      for (const ins of stage.instructions) {
        if (!ONCE.includes(ins.keyword)) continue;
        const earlier = last.get(ins.keyword);
        if (earlier !== undefined) {
          found.push(findingAt(multipleInstructionsDisallowed, earlier, `Multiple ${ins.rawKeyword} instructions should not be used in the same stage because only the last one will be used`));
        }
        last.set(ins.keyword, ins);
      }
    }
    return found.sort((a, b) => (a.location.line ?? 0) - (b.location.line ?? 0));
  },
};
