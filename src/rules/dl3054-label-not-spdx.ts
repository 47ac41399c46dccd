// DL3054: a label the schema types as `spdx` must hold one SPDX license identifier.
import licenseIds from 'spdx-license-ids/index.json' with { type: 'json' };
import deprecatedIds from 'spdx-license-ids/deprecated.json' with { type: 'json' };
import { badSchemaLabels } from './helpers.js';
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';

// Deprecated ids (`GPL-2.0`) are still identifiers of the list, and hadolint's parser accepts them too.
const KNOWN: ReadonlySet<string> = new Set<string>([...licenseIds, ...deprecatedIds]);

/** One identifier from the SPDX license list, exact case (an expression like `MIT OR Apache-2.0` is not one). */
export function isSpdxId(value: string): boolean {
  return KNOWN.has(value.trimEnd());
}

export const dl3054: Rule = {
  id: 'DL3054',
  title: 'Put an SPDX license id in `spdx` labels',
  category: 'style',
  severity: 'warning',
  origin: 'hadolint',
  fixable: false,
  check(df, ctx) {
    return badSchemaLabels(df, ctx, 'spdx', (value) => !isSpdxId(value))
      .map(({ ins, label }) => findingAt(dl3054, ins, `label "${label}" is not an SPDX license identifier`));
  },
};
