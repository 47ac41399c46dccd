// The rule registry: every rule, imported by name, in one array sorted by id.
import { dl3000 } from './dl3000-absolute-workdir.js';
import type { Rule } from './rule.js';

export const rules: readonly Rule[] = [
  dl3000,
];

export function ruleById(id: string): Rule | undefined {
  return rules.find((r) => r.id === id || (r.aliases ?? []).includes(id));
}
