// MultipleInstructionsDisallowed (BuildKit): of several CMD, ENTRYPOINT or HEALTHCHECK in a stage only the last counts.
import { repeatsInStage } from './helpers.js';
import type { Rule } from './rule.js';
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
    return ONCE.flatMap((keyword) => repeatsInStage(df, keyword))
      // BuildKit checks stages only; instructions before the first FROM fail its parse instead.
      .filter(({ earlier }) => earlier.stage >= 0)
      .map(({ earlier, later }) => findingAt(multipleInstructionsDisallowed, earlier, `Multiple ${later.rawKeyword} instructions should not be used in the same stage because only the last one will be used`))
      .sort((a, b) => (a.location.line ?? 0) - (b.location.line ?? 0));
  },
};
