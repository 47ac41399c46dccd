// The only code that rewrites Dockerfile text: apply fix edits, re-parse, re-lint, repeat until stable.
import { parseDockerfile } from '../dockerfile/parse.js';
import type { Dockerfile } from '../dockerfile/model.js';
import type { Finding, Rule, RuleContext, TextEdit } from './rule.js';
import { DEFAULT_RULE_CONTEXT } from './rule.js';

const MAX_PASSES = 10;

export interface FixResult {
  readonly text: string;
  readonly passes: number;
  readonly stable: boolean;
}

/** Apply non-overlapping edits (sorted by start); an edit overlapping an earlier one waits for the next pass. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let cursor = 0;
  for (const e of sorted) {
    if (e.start < cursor) continue;
    out += text.slice(cursor, e.start) + e.text;
    cursor = e.end;
  }
  return out + text.slice(cursor);
}

/** How findings are collected each pass; the default runs every rule given. The CLI lints instead, so that pragmas and ignores hold. */
export type FindingSource = (df: Dockerfile) => readonly Finding[];

export function fixDockerfile(source: string, rules: readonly Rule[], ctx: RuleContext = DEFAULT_RULE_CONTEXT, file = 'Dockerfile', findings?: FindingSource): FixResult {
  let text = source;
  for (let pass = 1; pass <= MAX_PASSES; pass++) {
    const parsed = parseDockerfile(text, file);
    if (!parsed.ok) return { text, passes: pass, stable: false };
    const found = findings === undefined ? rules.flatMap((r) => r.check(parsed.value, ctx)) : findings(parsed.value);
    const edits = found.flatMap((f) => f.fix ?? []);
    const next = applyEdits(text, edits);
    if (next === text) return { text, passes: pass, stable: true };
    text = next;
  }
  return { text, passes: MAX_PASSES, stable: false };
}
