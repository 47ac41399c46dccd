// DL3066: a user name in USER is looked up in the image's /etc/passwd; hosts and orchestrators see only numbers.
import type { Finding, Rule } from './rule.js';
import { findingAt } from './rule.js';

export const dl3066: Rule = {
  id: 'DL3066',
  title: 'Use a numeric USER id',
  category: 'security',
  severity: 'info',
  origin: 'hadolint',
  fixable: false,
  check(df) {
    const findings: Finding[] = [];
    const args: string[] = [];
    // As in hadolint: an ARG declared anywhere earlier in the file counts, and ONBUILD USER is not checked.
    for (const ins of df.instructions) {
      if (ins.keyword === 'ARG') args.push(...(ins.pairs ?? []).map((p) => p.key));
      if (ins.keyword !== 'USER') continue;
      const uid = ins.args.trim().split(':')[0] ?? '';
      if (/^[0-9]*$/.test(uid)) continue;
      if (args.some((a) => uid.includes(`\${${a}}`) || uid.includes(`$${a}`))) continue;
      findings.push(findingAt(dl3066, ins, `user "${uid}" is not a numeric id: the host may not be able to resolve it`));
    }
    return findings;
  },
};
