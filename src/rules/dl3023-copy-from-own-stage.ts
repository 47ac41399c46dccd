// DL3023: a stage cannot COPY --from itself; the name must belong to an earlier stage.
import { withKeyword } from './helpers.js';
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';

export const dl3023: Rule = {
  id: 'DL3023',
  title: 'COPY --from cannot reference its own FROM alias',
  category: 'correctness',
  severity: 'error',
  origin: 'hadolint',
  fixable: false,
  check(df) {
    // Not inside ONBUILD (as hadolint): there the trigger runs in some other, child stage.
    return withKeyword(df, 'COPY', { triggers: false })
      .filter((ins) => {
        const own = ins.stage >= 0 ? df.stages[ins.stage]?.name : null;
        const from = ins.copy?.from;
        // Stage names are case-insensitive to BuildKit.
        return own != null && from != null && from.toLowerCase() === own.toLowerCase();
      })
      .map((ins) => findingAt(dl3023, ins, `COPY --from=${ins.copy?.from ?? ''} names the stage it is in`));
  },
};
