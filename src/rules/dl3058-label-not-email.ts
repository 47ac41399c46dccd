// DL3058: a label the schema types as `email` must hold an RFC 5322 address (`local@domain`).
import { badSchemaLabels } from './helpers.js';
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';

const DOT_ATOM = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const QUOTED = /^"(?:[\x20\x21\x23-\x5b\x5d-\x7e]|\\[\x20-\x7e])*"$/;
const DOMAIN_LITERAL = /^\[[\x21-\x5a\x5e-\x7e]*\]$/;
const DOMAIN_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** An addr-spec: a dot-atom or quoted local part, `@`, and a host name or a bracketed domain literal. */
export function isEmail(value: string): boolean {
  const at = value.lastIndexOf('@');
  if (at <= 0) return false;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (!DOT_ATOM.test(local) && !QUOTED.test(local)) return false;
  if (DOMAIN_LITERAL.test(domain)) return true;
  return domain.length <= 253 && domain.split('.').every((label) => DOMAIN_LABEL.test(label));
}

export const dl3058: Rule = {
  id: 'DL3058',
  title: 'Put an email address in `email` labels',
  category: 'style',
  severity: 'warning',
  origin: 'hadolint',
  fixable: false,
  check(df, ctx) {
    return badSchemaLabels(df, ctx, 'email', (value) => !isEmail(value))
      .map(({ ins, label }) => findingAt(dl3058, ins, `label "${label}" is not a valid email address (RFC 5322)`));
  },
};
