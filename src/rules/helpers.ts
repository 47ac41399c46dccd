// Shared queries rules use over the model: instructions with ONBUILD triggers, shipped stages, RUN commands.
import type { Dockerfile, Instruction, Stage } from '../dockerfile/model.js';
import type { ShellCommand } from '../dockerfile/shell.js';

/**
 * Every instruction in order; with `triggers`, the instruction inside each ONBUILD follows it
 * (hadolint checks most rules on ONBUILD triggers too).
 */
export function instructions(df: Dockerfile, opts: { triggers: boolean } = { triggers: true }): Instruction[] {
  const out: Instruction[] = [];
  for (const ins of df.instructions) {
    out.push(ins);
    if (opts.triggers && ins.trigger !== null) out.push(ins.trigger);
  }
  return out;
}

/** Instructions (ONBUILD triggers included) with the given keyword. */
export function withKeyword(df: Dockerfile, keyword: string, opts: { triggers: boolean } = { triggers: true }): Instruction[] {
  return instructions(df, opts).filter((i) => i.keyword === keyword);
}

/** RUN instructions, ONBUILD RUN triggers included. */
export function runs(df: Dockerfile, opts: { triggers: boolean } = { triggers: true }): Instruction[] {
  return withKeyword(df, 'RUN', opts);
}

/** The simple commands of a RUN (empty for other instructions). */
export function commandsOf(ins: Instruction): readonly ShellCommand[] {
  return ins.run?.script.commands ?? [];
}

/** Stages whose filesystem ends up in the final image: the last stage and the stages it builds on. */
export function shippedStages(df: Dockerfile): Stage[] {
  const out: Stage[] = [];
  let current: Stage | undefined = df.stages[df.stages.length - 1];
  const seen = new Set<number>();
  while (current !== undefined && !seen.has(current.index)) {
    seen.add(current.index);
    out.unshift(current);
    const parent = current.from.from?.parentStage;
    current = parent === null || parent === undefined ? undefined : df.stages[parent];
  }
  return out;
}

/** RUN instructions of the shipped stages. */
export function runsInShippedStages(df: Dockerfile): Instruction[] {
  return shippedStages(df).flatMap((s) => s.instructions.filter((i) => i.keyword === 'RUN'));
}

export function stageOf(df: Dockerfile, ins: Instruction): Stage | undefined {
  return ins.stage >= 0 ? df.stages[ins.stage] : undefined;
}
