// DL3049: every label the schema requires must be set in each stage that ends up as an image.
import type { Dockerfile, Instruction } from '../dockerfile/model.js';
import type { Finding, Rule } from './rule.js';
import { findingAt } from './rule.js';

interface StageRef {
  readonly from: Instruction;
  readonly alias: string | null;
  readonly image: string;
}

// hadolint's bookkeeping, stage by stage: a stage is good once it sets the label or builds on a good stage;
// a bad stage is forgiven ("silent") when a later stage copies from it or builds on it and sets the label,
// because then it is an intermediate stage, not a result.
function missing(df: Dockerfile, label: string): Instruction[] {
  let current: StageRef | null = null;
  const good = new Set<StageRef>();
  const bad = new Set<StageRef>();
  const silence = (name: string): void => {
    for (const b of bad) if (b.alias !== null && b.alias === name) bad.delete(b);
  };
  for (const ins of df.instructions) {
    if (ins.keyword === 'FROM') {
      const stage: StageRef = { from: ins, alias: ins.from?.alias ?? null, image: ins.from?.name ?? '' };
      const inherits = current !== null && [...good].some((g) => g.alias !== null && g.alias === stage.image);
      (inherits ? good : bad).add(stage);
      current = stage;
    } else if (current === null) {
      continue;
    } else if (ins.keyword === 'COPY' && typeof ins.copy?.from === 'string') {
      silence(ins.copy.from);
    } else if (ins.keyword === 'LABEL' && (ins.pairs ?? []).some((p) => p.key === label)) {
      silence(current.alias ?? current.image);
      bad.delete(current);
      good.add(current);
    }
  }
  return [...bad].map((s) => s.from);
}

export const dl3049: Rule = {
  id: 'DL3049',
  title: 'Set every label the schema requires',
  category: 'style',
  severity: 'info',
  origin: 'hadolint',
  fixable: false,
  check(df, ctx) {
    const findings: Finding[] = Object.keys(ctx.labelSchema)
      .sort()
      .flatMap((label) => missing(df, label).map((from) => findingAt(dl3049, from, `label "${label}" is missing from this stage`)));
    return findings.sort((a, b) => (a.location.line ?? 0) - (b.location.line ?? 0));
  },
};
