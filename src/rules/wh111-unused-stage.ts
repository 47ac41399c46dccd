// WH111: a build stage the final stage never reaches is built for nothing (by the classic builder) or is dead code.
import type { Dockerfile, Stage } from '../dockerfile/model.js';
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';

function stageNamed(df: Dockerfile, ref: string): Stage | undefined {
  if (/^\d+$/.test(ref)) return df.stages[Number(ref)];
  return df.stages.find((s) => s.name !== null && s.name.toLowerCase() === ref.toLowerCase());
}

// Stages a stage needs: the one it builds on, and those it copies or mounts from.
function dependencies(df: Dockerfile, stage: Stage): Stage[] {
  const parent = stage.from.from?.parentStage;
  const refs = stage.instructions.flatMap((ins) => [
    ...(ins.copy?.from ? [ins.copy.from] : []),
    ...(ins.run?.mounts.flatMap((m) => (m.options.from !== undefined ? [m.options.from] : [])) ?? []),
  ]);
  const deps = refs.map((r) => stageNamed(df, r)).filter((s): s is Stage => s !== undefined && s.index < stage.index);
  return parent === null || parent === undefined ? deps : [df.stages[parent], ...deps].filter((s): s is Stage => s !== undefined);
}

export const wh111: Rule = {
  id: 'WH111',
  title: 'Remove build stages the final image does not use',
  category: 'cache',
  severity: 'info',
  origin: 'whittle',
  fixable: false,
  check(df) {
    const final = df.stages[df.stages.length - 1];
    // A stage named through a variable (`COPY --from=$BUILDER`) could be any of them: say nothing rather than guess.
    const refs = df.stages.flatMap((s) => [s.from.from?.image ?? '', ...s.instructions.map((i) => i.copy?.from ?? ''),
      ...s.instructions.flatMap((i) => i.run?.mounts.map((m) => m.options.from ?? '') ?? [])]);
    if (final === undefined || refs.some((r) => r.includes('$'))) return [];
    const used = new Set<number>();
    const queue: Stage[] = [final];
    for (let s = queue.pop(); s !== undefined; s = queue.pop()) {
      if (used.has(s.index)) continue;
      used.add(s.index);
      queue.push(...dependencies(df, s));
    }
    return df.stages
      .filter((s) => !used.has(s.index))
      .map((s) => findingAt(wh111, s.from, `stage ${s.name === null ? `#${s.index}` : `\`${s.name}\``} is not used by the final stage ` +
        '(neither `FROM` nor `COPY --from`/`--mount from=` reaches it): the classic builder still builds it; remove it or build it with `--target`'));
  },
};
