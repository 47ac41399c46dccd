// ExposeInvalidFormat (BuildKit): EXPOSE documents a container port; an IP or host port belongs to `docker run -p`.
import { exposedPorts } from './expose-ports.js';
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';

export const exposeInvalidFormat: Rule = {
  id: 'ExposeInvalidFormat',
  title: 'IP address and host-port mapping should not be used in EXPOSE instruction. This will become an error in a future release',
  category: 'correctness',
  severity: 'warning',
  origin: 'buildkit',
  fixable: false,
  check(df) {
    return df.instructions
      .filter((ins) => ins.stage >= 0 && ins.keyword === 'EXPOSE')
      .flatMap((ins) => exposedPorts(ins)
        .filter((p) => p.ip !== '' || p.hostPort !== '')
        .map((p) => findingAt(exposeInvalidFormat, ins, `EXPOSE instruction should not define an IP address or host-port mapping, found '${p.raw}'`)));
  },
};
