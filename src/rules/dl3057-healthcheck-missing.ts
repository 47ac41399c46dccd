// DL3057: an image without HEALTHCHECK gives the orchestrator no way to tell "running" from "working".
import type { Instruction } from '../dockerfile/model.js';
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';

interface StageRef {
  readonly from: Instruction;
  /** The image the stage builds on, without registry and tag. */
  readonly src: string;
  /** The stage's alias, else its image name (hadolint's quirk: two `FROM ubuntu` stages share a name). */
  readonly name: string;
}

// Bad stages that `stage` builds on, transitively: a HEALTHCHECK in a stage covers the stages it descends from.
function ancestors(bad: ReadonlySet<StageRef>, stage: StageRef): Set<StageRef> {
  const parents = [...bad].filter((b) => b.name === stage.src);
  const rest = new Set([...bad].filter((b) => !parents.includes(b)));
  return new Set([...parents, ...parents.flatMap((p) => [...ancestors(rest, p)])]);
}

export const dl3057: Rule = {
  id: 'DL3057',
  title: 'Declare a HEALTHCHECK',
  category: 'correctness',
  severity: 'ignore',
  origin: 'hadolint',
  fixable: false,
  check(df) {
    let current: StageRef | null = null;
    const good = new Set<StageRef>();
    const bad = new Set<StageRef>();
    // hadolint's bookkeeping: a stage is covered when it or a stage built on it declares HEALTHCHECK (NONE
    // counts: it is an explicit choice), or when it builds on a covered stage. ONBUILD HEALTHCHECK does not count.
    for (const ins of df.instructions) {
      if (ins.keyword === 'FROM') {
        const src = ins.from?.name ?? '';
        const stage: StageRef = { from: ins, src, name: ins.from?.alias ?? src };
        const inherits = current !== null && [...good].some((g) => g.name === src);
        (inherits ? good : bad).add(stage);
        current = stage;
      } else if (ins.keyword === 'HEALTHCHECK' && current !== null) {
        for (const s of [...ancestors(bad, current), current]) {
          bad.delete(s);
          good.add(s);
        }
      }
    }
    return [...bad]
      .sort((a, b) => a.from.span.line - b.from.span.line)
      .map((s) => findingAt(dl3057, s.from, 'no HEALTHCHECK for the image this stage builds'));
  },
};
