// Byte sizes and ratios written the way dive's `.dive-ci` writes them (go-humanize ParseBytes, Go floats).

const UNITS: Readonly<Record<string, number>> = (() => {
  const t: Record<string, number> = { '': 1, b: 1 };
  ['k', 'm', 'g', 't', 'p', 'e'].forEach((p, i) => {
    t[p] = 1000 ** (i + 1);
    t[`${p}b`] = 1000 ** (i + 1);
    t[`${p}i`] = 1024 ** (i + 1);
    t[`${p}ib`] = 1024 ** (i + 1);
  });
  return t;
})();

const GO_FLOAT = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * go-humanize's ParseBytes: the leading run of digits, `.` and `,` (commas dropped) times the unit that
 * follows (trimmed, any case; SI `kb` = 1000, IEC `kib` = 1024), truncated. null when dive would reject it.
 */
export function parseByteSize(text: string): number | null {
  let end = 0;
  while (end < text.length && /[0-9.,]/.test(text[end] as string)) end++;
  const num = text.slice(0, end).replace(/,/g, '');
  if (!GO_FLOAT.test(num)) return null;
  const unit = UNITS[text.slice(end).trim().toLowerCase()];
  if (unit === undefined) return null;
  const v = Number(num) * unit;
  return Number.isFinite(v) ? Math.trunc(v) : null;
}

/** A decimal ratio in [0, 1] as Go's ParseFloat reads it; null otherwise. */
export function parseRatio(text: string): number | null {
  const t = text.trim();
  if (!/^[+]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(t)) return null;
  const v = Number(t);
  return v >= 0 && v <= 1 ? v : null;
}

/** dive's words for "this rule is off". */
export function isDisabled(text: string): boolean {
  return ['', 'disabled', 'off', 'false'].includes(text.trim().toLowerCase());
}
