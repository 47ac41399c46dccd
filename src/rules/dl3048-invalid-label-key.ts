// DL3048: label keys should follow Docker's key format: lower-case, dotted, outside Docker's own namespaces.
import { withKeyword } from './helpers.js';
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';

const RESERVED = ['com.docker.', 'io.docker.', 'org.dockerproject.'];

function isValidKey(key: string): boolean {
  return (
    /^[a-z]/.test(key) &&
    /[a-z0-9]$/.test(key) &&
    /^[a-z0-9._/-]*$/.test(key) &&
    !RESERVED.some((ns) => key.startsWith(ns)) &&
    !key.includes('..') &&
    !key.includes('--')
  );
}

export const dl3048: Rule = {
  id: 'DL3048',
  title: 'Use valid label keys',
  category: 'style',
  severity: 'style',
  origin: 'hadolint',
  fixable: false,
  check(df) {
    // hadolint checks top-level LABELs only, not ONBUILD LABEL triggers.
    return withKeyword(df, 'LABEL', { triggers: false }).flatMap((ins) => {
      const bad = (ins.pairs ?? []).filter((p) => !isValidKey(p.key)).map((p) => `"${p.key}"`);
      if (bad.length === 0) return [];
      return [findingAt(dl3048, ins, `invalid label key ${bad.join(', ')}: use lower-case letters, digits, '.', '-', '_' and '/', start with a letter, end with a letter or digit, no '..' or '--', and not Docker's reserved namespaces`)];
    });
  },
};
