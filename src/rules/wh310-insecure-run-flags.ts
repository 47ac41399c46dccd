// WH310: RUN flags that lift the build sandbox: `--security=insecure` and `--network=host`.
import type { Instruction } from '../dockerfile/model.js';
import { runs } from './helpers.js';
import type { Finding, Rule } from './rule.js';
import { findingAt } from './rule.js';

function check(ins: Instruction): Finding[] {
  const out: Finding[] = [];
  const security = ins.flags.find((f) => f.name === 'security')?.value ?? null;
  if (security === 'insecure') {
    out.push(findingAt(wh310, ins, 'RUN --security=insecure runs the step privileged, like `docker run --privileged`: ' +
      'it can reach host devices and kernel interfaces; find a way that needs no privileges'));
  }
  if (ins.run?.network === 'host') {
    // Host networking exposes the host's local services to the step, but is sometimes the only way through a proxy.
    out.push({
      ...findingAt(wh310, ins, "RUN --network=host gives the step the host's network, including services listening only on localhost"),
      severity: 'info',
    });
  }
  return out;
}

export const wh310: Rule = {
  id: 'WH310',
  title: 'Avoid privileged RUN flags',
  category: 'security',
  severity: 'warning',
  origin: 'whittle',
  fixable: false,
  check(df) {
    return runs(df).flatMap(check);
  },
};
