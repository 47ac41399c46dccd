// A unified diff of two small texts (Dockerfiles), line by line, for `whittle fix --diff`.

const CONTEXT = 3;

type Op = { readonly kind: ' ' | '-' | '+'; readonly line: string };

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

// A longest-common-subsequence table is quadratic, which Dockerfiles (hundreds of lines at most) afford;
// it keeps the diff minimal without a dependency.
function diffOps(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    const row = lcs[i] as Uint32Array;
    const below = lcs[i + 1] as Uint32Array;
    for (let j = m - 1; j >= 0; j--) {
      row[j] = a[i] === b[j] ? (below[j + 1] as number) + 1 : Math.max(below[j] as number, row[j + 1] as number);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      ops.push({ kind: ' ', line: a[i] as string });
      i++;
      j++;
    } else if (i < n && (j === m || (lcs[i + 1]?.[j] ?? 0) >= (lcs[i]?.[j + 1] ?? 0))) {
      ops.push({ kind: '-', line: a[i] as string });
      i++;
    } else {
      ops.push({ kind: '+', line: b[j] as string });
      j++;
    }
  }
  return ops;
}

/** `diff -u` style output; empty when the texts are equal. */
export function unifiedDiff(before: string, after: string, oldName: string, newName: string): string {
  if (before === after) return '';
  const ops = diffOps(splitLines(before), splitLines(after));
  const changed = ops.flatMap((op, k) => (op.kind === ' ' ? [] : [k]));
  // Group changes whose context windows touch into hunks.
  const hunks: [number, number][] = [];
  for (const k of changed) {
    const from = Math.max(0, k - CONTEXT);
    const to = Math.min(ops.length, k + CONTEXT + 1);
    const last = hunks[hunks.length - 1];
    if (last !== undefined && from <= last[1]) last[1] = to;
    else hunks.push([from, to]);
  }
  let out = `--- ${oldName}\n+++ ${newName}\n`;
  for (const [from, to] of hunks) {
    const before = ops.slice(0, from);
    const oldStart = before.filter((o) => o.kind !== '+').length;
    const newStart = before.filter((o) => o.kind !== '-').length;
    const body = ops.slice(from, to);
    const oldLen = body.filter((o) => o.kind !== '+').length;
    const newLen = body.filter((o) => o.kind !== '-').length;
    out += `@@ -${oldLen === 0 ? oldStart : oldStart + 1},${oldLen} +${newLen === 0 ? newStart : newStart + 1},${newLen} @@\n`;
    for (const o of body) out += `${o.kind}${o.line}\n`;
  }
  return out;
}
