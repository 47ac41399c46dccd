// DL3053: a label the schema types as `rfc3339` must hold an RFC 3339 timestamp (the OCI `created` format).
import { badSchemaLabels } from './helpers.js';
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:Z|[+-](\d{2}):(\d{2}))$/i;

/** `2021-03-10T10:26:33.56+01:00`: a real calendar date and time with `Z` or a numeric offset. */
export function isRfc3339(value: string): boolean {
  // The Haskell parser hadolint uses tolerates surrounding spaces and any case of `T` and `Z`.
  const m = TIMESTAMP.exec(value.trim());
  if (m === null) return false;
  const [year, month, day, hour, minute, second, offH = 0, offM = 0] = m.slice(1).map((n) => (n === undefined ? undefined : Number(n)));
  if (year === undefined || month === undefined || day === undefined) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth &&
    (hour ?? 99) <= 23 && (minute ?? 99) <= 59 && (second ?? 99) <= 60 && offH <= 23 && offM <= 59;
}

export const dl3053: Rule = {
  id: 'DL3053',
  title: 'Put an RFC 3339 time in `rfc3339` labels',
  category: 'style',
  severity: 'warning',
  origin: 'hadolint',
  fixable: false,
  check(df, ctx) {
    return badSchemaLabels(df, ctx, 'rfc3339', (value) => !isRfc3339(value))
      .map(({ ins, label }) => findingAt(dl3053, ins, `label "${label}" is not an RFC 3339 time (like 2024-05-01T12:00:00Z)`));
  },
};
