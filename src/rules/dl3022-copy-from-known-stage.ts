// DL3022: `COPY --from=name` must name a stage defined above it (or an external image reference).
import type { Finding, Rule } from './rule.js';
import { findingAt } from './rule.js';

function refersToKnownStage(from: string, aliases: ReadonlySet<string>, stages: number): boolean {
  const ref = from.replace(/^["']+|["']+$/g, '');
  // `image:tag` is an external image; a variable is resolved only at build time (hadolint flags it, we don't).
  if (ref.includes(':') || ref.includes('$')) return true;
  if (aliases.has(ref.toLowerCase())) return true;
  // As hadolint: a leading number is a stage index, valid when a stage with that index exists already.
  const index = /^\d+/.exec(ref);
  return index !== null && Number(index[0]) < stages;
}

export const dl3022: Rule = {
  id: 'DL3022',
  title: 'COPY --from should reference a previously defined FROM alias',
  category: 'correctness',
  severity: 'warning',
  origin: 'hadolint',
  fixable: false,
  check(df) {
    const found: Finding[] = [];
    // Stage names are case-insensitive to BuildKit, so they are compared lower-cased.
    const aliases = new Set<string>();
    let stages = 0;
    for (const ins of df.instructions) {
      if (ins.keyword === 'FROM') {
        stages++;
        if (ins.from?.alias) aliases.add(ins.from.alias.toLowerCase());
      } else if (ins.keyword === 'COPY' && ins.copy?.from != null && !refersToKnownStage(ins.copy.from, aliases, stages)) {
        found.push(findingAt(dl3022, ins, `COPY --from=${ins.copy.from} names no stage defined before it`));
      }
    }
    return found;
  },
};
