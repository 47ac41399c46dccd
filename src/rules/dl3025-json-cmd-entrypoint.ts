// DL3025: CMD, ENTRYPOINT and HEALTHCHECK CMD in shell form run under /bin/sh, which swallows signals.
import type { Dockerfile, Instruction } from '../dockerfile/model.js';
import { instructions, stageOf } from './helpers.js';
import type { Rule, TextEdit } from './rule.js';
import { findingAt } from './rule.js';

// Words a shell passes through unchanged: no expansion, quoting, globbing, operators or redirection.
const PLAIN_WORD = /^[A-Za-z0-9_\-./=:,@%+]+$/;

/**
 * Exec form where it runs the same program with the same words: plain words on one line, the stage's shell not
 * changed by SHELL, and for ENTRYPOINT no CMD in the stage (exec-form ENTRYPOINT would receive it as arguments).
 */
function execFormFix(df: Dockerfile, ins: Instruction): TextEdit | null {
  if (ins.keyword === 'HEALTHCHECK' || ins.span.line !== ins.span.endLine) return null;
  const words = ins.args.trim().split(/\s+/);
  if (words.length === 0 || !words.every((w) => PLAIN_WORD.test(w))) return null;
  const stage = stageOf(df, ins);
  if (stage === undefined || stage.instructions.some((i) => i.keyword === 'SHELL')) return null;
  if (ins.keyword === 'ENTRYPOINT' && stage.instructions.some((i) => i.keyword === 'CMD')) return null;
  const body = ins.args.trimEnd();
  if (df.source.slice(ins.argsStart, ins.argsStart + body.length) !== body) return null;
  return { start: ins.argsStart, end: ins.argsStart + body.length, text: JSON.stringify(words).replace(/","/g, '", "') };
}

function isJsonArray(text: string): boolean {
  try {
    const v: unknown = JSON.parse(text.trim());
    return Array.isArray(v) && v.every((x) => typeof x === 'string');
  } catch {
    return false;
  }
}

function inShellForm(ins: Instruction): boolean {
  switch (ins.keyword) {
    case 'CMD':
    case 'ENTRYPOINT':
      return ins.json === null;
    case 'HEALTHCHECK': {
      const cmd = /^CMD\s+/i.exec(ins.args);
      return cmd !== null && !isJsonArray(ins.args.slice(cmd[0].length));
    }
    default:
      return false;
  }
}

export const dl3025: Rule = {
  id: 'DL3025',
  title: 'Use JSON notation for CMD and ENTRYPOINT arguments',
  category: 'correctness',
  severity: 'warning',
  origin: 'hadolint',
  // Exec form changes how the command is run (no shell: no expansion, no `&&`): a fix only for plain words.
  fixable: true,
  check(df) {
    return instructions(df, { triggers: false })
      .filter(inShellForm)
      .map((ins) => {
        const fix = execFormFix(df, ins);
        return findingAt(dl3025, ins, `write ${ins.keyword} in JSON (exec) form so the process receives signals`, fix === null ? {} : { fix: [fix] });
      });
  },
};
