// NoEmptyContinuation (BuildKit): a blank line inside a `\`-continued instruction; BuildKit will reject it one day.
import type { Dockerfile, Instruction } from '../dockerfile/model.js';
import type { Finding, Rule } from './rule.js';
import { findingAtLine } from './rule.js';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Our parser drops blank lines from the arguments, so the instruction's own lines are read again as BuildKit
// reads them: comment lines are skipped, blank ones noted, until a line no longer ends in the escape character.
// BuildKit reports the instruction's last line.
function blankInside(lines: readonly string[], ins: Instruction, escape: string): number | null {
  const esc = escapeRegExp(escape);
  const continues = new RegExp(`(?:[^${esc}]|^)${esc}[ \\t]*$`);
  let index = ins.span.line - 1;
  if (!continues.test(lines[index] ?? '')) return null;
  let blank = false;
  while (++index < lines.length) {
    const text = lines[index] ?? '';
    if (text.trimStart().startsWith('#')) continue;
    if (text.trim() === '') {
      blank = true;
      continue;
    }
    if (!continues.test(text)) break;
  }
  return blank ? Math.min(index, lines.length - 1) + 1 : null;
}

export const noEmptyContinuation: Rule = {
  id: 'NoEmptyContinuation',
  title: 'Empty continuation lines will become errors in a future release',
  category: 'correctness',
  severity: 'warning',
  origin: 'buildkit',
  fixable: false,
  check(df: Dockerfile) {
    // Most files have no blank line after a continuation; finding that out with one search keeps this cheap.
    const esc = escapeRegExp(df.directives.escape);
    if (!new RegExp(`${esc}[ \\t]*\\r?\\n(?:[ \\t]*#[^\\n]*\\n)*[ \\t]*\\r?(?:\\n|$)`).test(df.source)) return [];
    const lines = df.source.split(/\r?\n/);
    const found: Finding[] = [];
    for (const ins of df.instructions) {
      const line = blankInside(lines, ins, df.directives.escape);
      if (line !== null) found.push(findingAtLine(noEmptyContinuation, line, 'Empty continuation line'));
    }
    return found;
  },
};
