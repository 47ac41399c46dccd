// DL3002: a stage whose last USER is root runs its container (and anything built FROM it) as root.
import type { Instruction } from '../dockerfile/model.js';
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';

function isRoot(user: string): boolean {
  return user === 'root' || user === '0' || user.startsWith('root:') || user.startsWith('0:');
}

export const dl3002: Rule = {
  id: 'DL3002',
  title: 'Last USER should not be root',
  category: 'security',
  severity: 'warning',
  origin: 'hadolint',
  fixable: false,
  check(df) {
    // As hadolint: every stage counts, not only the last, and a USER before the first FROM is ignored.
    // A stage with no USER of its own is not reported, even when it inherits root from a parent stage.
    return df.stages.flatMap((stage) => {
      const last: Instruction | undefined = stage.instructions.filter((i) => i.keyword === 'USER').at(-1);
      if (last === undefined || !isRoot(last.args.trim())) return [];
      return [findingAt(dl3002, last, 'The last USER of this stage is root: switch to an unprivileged user')];
    });
  },
};
