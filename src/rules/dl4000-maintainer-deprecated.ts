// DL4000: MAINTAINER is deprecated; the OCI `authors` label says the same thing where tools look for it.
import type { Dockerfile, Instruction } from '../dockerfile/model.js';
import { withKeyword } from './helpers.js';
import type { Rule, TextEdit } from './rule.js';
import { findingAt } from './rule.js';

const AUTHORS = 'org.opencontainers.image.authors';

// MAINTAINER takes its text literally, while a LABEL value expands variables: escape `$` as well as quotes.
function toLabel(df: Dockerfile, ins: Instruction): TextEdit[] | undefined {
  const author = ins.args.trim();
  if (ins.stage < 0 || author === '') return undefined;
  const esc = df.directives.escape;
  const quoted = author.replace(/[\\`"$]/g, (ch) => (ch === '\\' || ch === '`' ? (ch === esc ? esc + ch : ch) : esc + ch));
  return [{ start: ins.span.start, end: ins.span.end, text: `LABEL ${AUTHORS}="${quoted}"` }];
}

export const dl4000: Rule = {
  id: 'DL4000',
  title: 'MAINTAINER is deprecated',
  category: 'style',
  severity: 'error',
  origin: 'hadolint',
  fixable: true,
  check(df) {
    return withKeyword(df, 'MAINTAINER', { triggers: false }).map((ins) => {
      const fix = toLabel(df, ins);
      return findingAt(dl4000, ins, `MAINTAINER is deprecated: use \`LABEL ${AUTHORS}=...\``, fix ? { fix } : {});
    });
  },
};
