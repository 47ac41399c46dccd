// DL3025: CMD, ENTRYPOINT and HEALTHCHECK CMD in shell form run under /bin/sh, which swallows signals.
import type { Instruction } from '../dockerfile/model.js';
import { instructions } from './helpers.js';
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';

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
  // Exec form changes how the command is run (no shell: no expansion, no `&&`), so no fix is offered.
  fixable: false,
  check(df) {
    return instructions(df, { triggers: false })
      .filter(inShellForm)
      .map((ins) => findingAt(dl3025, ins, `write ${ins.keyword} in JSON (exec) form so the process receives signals`));
  },
};
