// DL3065: `FROM --platform=$TARGETPLATFORM` says what the builder does anyway.
import type { Dockerfile, Instruction } from '../dockerfile/model.js';
import { withKeyword } from './helpers.js';
import type { Rule, TextEdit } from './rule.js';
import { findingAt } from './rule.js';

// Dropping the flag (and the blanks after it) changes nothing the builder does.
function dropFlag(df: Dockerfile, ins: Instruction): TextEdit[] {
  const flag = ins.flags.find((f) => f.name === 'platform');
  if (flag === undefined) return [];
  let end = flag.span.end;
  while (df.source[end] === ' ' || df.source[end] === '\t') end++;
  return [{ start: flag.span.start, end, text: '' }];
}

export const dl3065: Rule = {
  id: 'DL3065',
  title: 'Do not set `FROM --platform=$TARGETPLATFORM`',
  category: 'style',
  severity: 'warning',
  origin: 'hadolint',
  fixable: true,
  check(df) {
    return withKeyword(df, 'FROM', { triggers: false })
      .filter((ins) => ins.from?.platform === '$TARGETPLATFORM' || ins.from?.platform === '${TARGETPLATFORM}')
      .map((ins) => findingAt(dl3065, ins, '`--platform=$TARGETPLATFORM` is redundant: it is the default', { fix: dropFlag(df, ins) }));
  },
};
