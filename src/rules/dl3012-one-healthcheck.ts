// DL3012: only the last HEALTHCHECK of a stage takes effect; the earlier ones are dead text.
import type { Instruction } from '../dockerfile/model.js';
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';

export const dl3012: Rule = {
  id: 'DL3012',
  title: 'Use one HEALTHCHECK per stage',
  category: 'correctness',
  severity: 'error',
  origin: 'hadolint',
  fixable: false,
  check(df) {
    // Instructions before the first FROM count as a stage of their own, as hadolint counts them.
    const groups = new Map<number, Instruction[]>();
    for (const ins of df.instructions) {
      if (ins.keyword !== 'HEALTHCHECK') continue;
      groups.set(ins.stage, [...(groups.get(ins.stage) ?? []), ins]);
    }
    return [...groups.values()].flatMap((checks) =>
      checks.slice(1).map((ins) => findingAt(dl3012, ins, `A second HEALTHCHECK in this stage: only the last one (line ${checks.at(-1)?.span.line ?? ins.span.line}) takes effect`)));
  },
};
