// WorkdirRelativePath (BuildKit): a relative WORKDIR before any absolute one depends on the base image's WORKDIR.
import { unquote } from './buildkit.js';
import type { Finding, Rule } from './rule.js';
import { findingAt } from './rule.js';

// BuildKit expands variables first; we cannot, so a path with a variable is taken as absolute. A Windows drive
// path is absolute for a Windows target, which we cannot tell apart either.
function relative(path: string): boolean {
  return !path.startsWith('/') && !path.includes('$') && !/^[A-Za-z]:[\\/]/.test(path);
}

export const workdirRelativePath: Rule = {
  id: 'WorkdirRelativePath',
  title: 'Relative workdir without an absolute workdir declared within the build can have unexpected results if the base image changes',
  category: 'correctness',
  severity: 'warning',
  origin: 'buildkit',
  aliases: ['DL3000'],
  fixable: false,
  check(df) {
    // Only the first WORKDIR of a stage (or of the stages it builds on) is judged: once any WORKDIR is set,
    // later relative ones are relative to a directory this Dockerfile chose.
    const set: boolean[] = [];
    const found: Finding[] = [];
    for (const stage of df.stages) {
      const parent = stage.from.from?.parentStage;
      let workdirSet = parent !== null && parent !== undefined ? (set[parent] ?? false) : false;
      for (const ins of stage.instructions) {
        if (ins.keyword !== 'WORKDIR') continue;
        const path = unquote(ins.args.trim());
        if (!workdirSet && relative(path)) {
          found.push(findingAt(workdirRelativePath, ins, `Relative workdir ${JSON.stringify(path)} can have unexpected results if the base image changes`));
        }
        workdirSet = true;
      }
      set[stage.index] = workdirSet;
    }
    return found;
  },
};
