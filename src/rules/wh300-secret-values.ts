// WH300: a credential written into the Dockerfile ends up in the image config, its history or the build log.
import type { Instruction } from '../dockerfile/model.js';
import { instructions } from './helpers.js';
import type { Finding, Rule } from './rule.js';
import { findingAt } from './rule.js';
import { findSecrets, maskSecret } from './secret-patterns.js';

const PAIRS = new Set(['ENV', 'ARG', 'LABEL']);

// Where a value written in each instruction ends up, for the message.
function whereItLands(keyword: string): string {
  switch (keyword) {
    case 'ENV':
    case 'LABEL':
      return 'it ships in the image config';
    case 'ARG':
      return 'build-arg defaults are kept in the image history';
    case 'RUN':
      return 'the command line is kept in the image history';
    default:
      return 'anyone with the Dockerfile or the image can read it';
  }
}

function advice(keyword: string): string {
  return keyword === 'RUN' || keyword === 'ARG'
    ? 'pass it with `RUN --mount=type=secret,id=...` instead'
    : 'provide it at run time or through `RUN --mount=type=secret` instead';
}

function article(label: string): string {
  return /^(?:[aeiou]|npm\b)/i.test(label) ? 'an' : 'a';
}

function check(ins: Instruction): Finding[] {
  const scanned = PAIRS.has(ins.keyword)
    ? (ins.pairs ?? []).map((p) => ({ what: `${ins.keyword} ${p.key}`, text: p.value === null ? '' : `${p.key}=${p.value}` }))
    : [{ what: ins.keyword, text: ins.args }];
  return scanned.flatMap(({ what, text }) =>
    findSecrets(text).map((s) =>
      findingAt(
        wh300,
        ins,
        `${what} contains ${article(s.label)} ${s.label} (${maskSecret(s.value)}): ${whereItLands(ins.keyword)}; ${advice(ins.keyword)}`,
      ),
    ),
  );
}

export const wh300: Rule = {
  id: 'WH300',
  title: 'Do not write secret values into the Dockerfile',
  category: 'security',
  severity: 'error',
  origin: 'whittle',
  aliases: ['DL3064'],
  fixable: false,
  check(df) {
    // The ONBUILD wrapper's arguments repeat its trigger's: scanning the trigger alone reports once.
    return instructions(df)
      .filter((ins) => ins.keyword !== 'ONBUILD')
      .flatMap(check);
  },
};
