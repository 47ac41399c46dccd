// WH205: an `apt-get install` that relies on an `apt-get update` from an earlier RUN installs from lists as old as that cached layer.
import type { Instruction } from '../dockerfile/model.js';
import type { ShellCommand } from '../dockerfile/shell.js';
import { cmdHasArgs } from '../dockerfile/shell.js';
import { commandsOf, stageChain } from './helpers.js';
import type { Finding, Rule } from './rule.js';
import { findingAt } from './rule.js';
import { sequences } from './wh200-copy-all-before-install.js';

const APT = ['apt-get', 'apt', 'aptitude'];
const updates = (c: ShellCommand): boolean => cmdHasArgs(c, APT, ['update']);
const installs = (c: ShellCommand): boolean => cmdHasArgs(c, APT, ['install']);

export const wh205: Rule = {
  id: 'WH205',
  title: 'Run apt-get update and apt-get install in the same RUN',
  category: 'cache',
  severity: 'warning',
  origin: 'whittle',
  fixable: false,
  check(df) {
    const out: Finding[] = [];
    for (const stage of df.stages) {
      for (const seq of sequences(stageChain(df, stage.index).flatMap((s) => s.instructions))) {
        let lastUpdate: Instruction | undefined;
        for (const run of seq) {
          const cmds = commandsOf(run);
          const own = stage.instructions.some((s) => s === run || s.trigger === run);
          const install = cmds.find(installs);
          if (own && install !== undefined && !cmds.some(updates) && lastUpdate !== undefined) {
            out.push(findingAt(wh205, run, `\`${install.text}\` uses the package lists of \`apt-get update\` on line ${lastUpdate.span.line}, ` +
              'a separate layer the cache keeps: put both in one RUN (`apt-get update && apt-get install ...`)',
            { cacheImpact: `while line ${lastUpdate.span.line} stays cached, new builds install from stale lists (or fail on vanished versions)` }));
          }
          if (cmds.some(updates)) lastUpdate = run;
        }
      }
    }
    return out;
  },
};
