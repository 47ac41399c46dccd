// ReservedStageName (BuildKit): `scratch` and `context` already mean something to the builder.
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';

const RESERVED = ['context', 'scratch'];

export const reservedStageName: Rule = {
  id: 'ReservedStageName',
  title: 'Reserved words should not be used as stage names',
  category: 'correctness',
  severity: 'warning',
  origin: 'buildkit',
  aliases: ['DL3063'],
  fixable: false,
  check(df) {
    // Stage names are lower-cased by BuildKit, so `AS Scratch` is reserved too.
    return df.stages
      .filter((s) => s.name !== null && RESERVED.includes(s.name.toLowerCase()))
      .map((s) => findingAt(reservedStageName, s.from, `Stage name should not use the same name as reserved stage "${(s.name ?? '').toLowerCase()}"`));
  },
};
