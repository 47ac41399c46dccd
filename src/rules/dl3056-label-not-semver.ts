// DL3056: a label the schema types as `semver` must hold a Semantic Versioning 2.0.0 version.
import { badSchemaLabels } from './helpers.js';
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';

const NUMBER = '(?:0|[1-9]\\d*)';
const PRE_ID = '(?:0|[1-9]\\d*|\\d*[A-Za-z-][0-9A-Za-z-]*)';
const BUILD_ID = '[0-9A-Za-z-]+';
const SEMVER = new RegExp(`^${NUMBER}\\.${NUMBER}\\.${NUMBER}(?:-${PRE_ID}(?:\\.${PRE_ID})*)?(?:\\+${BUILD_ID}(?:\\.${BUILD_ID})*)?$`);

/** `MAJOR.MINOR.PATCH[-prerelease][+build]`, no leading zeros, no `v` prefix. */
export function isSemver(value: string): boolean {
  return SEMVER.test(value);
}

export const dl3056: Rule = {
  id: 'DL3056',
  title: 'Put a semantic version in `semver` labels',
  category: 'style',
  severity: 'warning',
  origin: 'hadolint',
  fixable: false,
  check(df, ctx) {
    return badSchemaLabels(df, ctx, 'semver', (value) => !isSemver(value))
      .map(({ ins, label }) => findingAt(dl3056, ins, `label "${label}" is not a semantic version (like 1.4.2 or 2.0.0-rc.1)`));
  },
};
