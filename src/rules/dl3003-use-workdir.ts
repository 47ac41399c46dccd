// DL3003: `cd` in a RUN lasts one command; WORKDIR says where the following instructions run.
import type { Dockerfile, Instruction } from '../dockerfile/model.js';
import { commandsOf, runs, scriptSourceMap, stageOf } from './helpers.js';
import type { Rule, TextEdit } from './rule.js';
import { findingAt } from './rule.js';

const LEADING_CD = /^cd[ \t]+(\/[A-Za-z0-9_.\/-]*)[ \t]*&&[ \t]*/;
const PLAIN_PATH = /^\/[A-Za-z0-9_.\/-]*$/;

/**
 * `RUN cd /dir && rest` -> `WORKDIR /dir` + `RUN rest` + `WORKDIR <before>`, only where the directory before is
 * known (an absolute WORKDIR earlier in the stage), so every later instruction still runs where it did.
 */
function workdirFix(df: Dockerfile, run: Instruction): TextEdit[] {
  const m = LEADING_CD.exec(run.args);
  const map = scriptSourceMap(df, run);
  const cds = commandsOf(run).filter((c) => c.name === 'cd');
  if (m === null || map === null || cds.length !== 1 || run.run?.script.hasErrors === true) return [];
  const stage = stageOf(df, run);
  const before = stage?.instructions.filter((i) => i.keyword === 'WORKDIR' && i.span.start < run.span.start).pop();
  const dir = before?.args.trim();
  if (dir === undefined || !PLAIN_PATH.test(dir)) return [];
  const restStart = map[m[0].length];
  if (restStart === undefined) return [];
  const eol = df.source.includes('\r\n') ? '\r\n' : '\n';
  const prefix = df.source.slice(run.span.start, run.argsStart);
  return [
    { start: run.span.start, end: restStart, text: `WORKDIR ${m[1] ?? ''}${eol}${prefix}` },
    { start: run.span.end, end: run.span.end, text: `${eol}WORKDIR ${dir}` },
  ];
}

export const dl3003: Rule = {
  id: 'DL3003',
  title: 'Use WORKDIR to switch to a directory',
  category: 'style',
  severity: 'warning',
  origin: 'hadolint',
  fixable: true,
  check(df) {
    // hadolint does not look inside ONBUILD for this rule.
    return runs(df, { triggers: false })
      .filter((run) => commandsOf(run).some((c) => c.name === 'cd'))
      .map((run) => {
        const fix = workdirFix(df, run);
        return findingAt(dl3003, run, 'Use WORKDIR to change directory instead of `cd` in a RUN', fix.length > 0 ? { fix } : {});
      });
  },
};
