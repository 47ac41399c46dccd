// JSONArgsRecommended (BuildKit): a shell-form CMD or ENTRYPOINT runs under `/bin/sh -c`, which does not pass
// signals on, so the program is killed rather than stopped.
import type { Finding, Rule } from './rule.js';
import { findingAt } from './rule.js';

export const jsonArgsRecommended: Rule = {
  id: 'JSONArgsRecommended',
  title: 'JSON arguments recommended for ENTRYPOINT/CMD to prevent unintended behavior related to OS signals',
  category: 'correctness',
  severity: 'warning',
  origin: 'buildkit',
  aliases: ['DL3025'],
  fixable: false,
  check(df) {
    // BuildKit says nothing once a SHELL is set, in the stage or in a stage it builds on: the user chose the shell.
    const shellSet: boolean[] = [];
    const found: Finding[] = [];
    for (const stage of df.stages) {
      const parent = stage.from.from?.parentStage;
      let shell = parent !== null && parent !== undefined ? (shellSet[parent] ?? false) : false;
      for (const ins of stage.instructions) {
        if (ins.keyword === 'SHELL' && ins.json !== null) shell = true;
        if ((ins.keyword === 'CMD' || ins.keyword === 'ENTRYPOINT') && ins.json === null && !shell) {
          found.push(findingAt(jsonArgsRecommended, ins, `JSON arguments recommended for ${ins.rawKeyword} to prevent unintended behavior related to OS signals`));
        }
      }
      shellSet[stage.index] = shell;
    }
    return found;
  },
};
