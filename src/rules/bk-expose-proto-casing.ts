// ExposeProtoCasing (BuildKit): `EXPOSE 80/TCP` works but the protocol is lower case everywhere else.
import { exposedPorts } from './expose-ports.js';
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';

export const exposeProtoCasing: Rule = {
  id: 'ExposeProtoCasing',
  title: 'Protocol in EXPOSE instruction should be lowercase',
  category: 'style',
  severity: 'warning',
  origin: 'buildkit',
  fixable: false,
  check(df) {
    return df.instructions
      .filter((ins) => ins.stage >= 0 && ins.keyword === 'EXPOSE')
      .flatMap((ins) => exposedPorts(ins)
        .filter((p) => p.proto !== p.proto.toLowerCase())
        .map((p) => findingAt(exposeProtoCasing, ins, `Defined protocol '${p.raw}' in EXPOSE instruction should be lowercase`)));
  },
};
