// WH200: copying the whole context before a dependency install makes every source edit re-run the install.
import type { Dockerfile, Instruction, Stage } from '../dockerfile/model.js';
import type { ShellCommand } from '../dockerfile/shell.js';
import { argsNoFlags, basename, hasAnyFlag, isPipInstall } from '../dockerfile/shell.js';
import { commandsOf, stageChain } from './helpers.js';
import type { Finding, Rule } from './rule.js';
import { findingAt } from './rule.js';

const sub = (c: ShellCommand): string[] => argsNoFlags(c);

/** Whether the command installs a project's dependencies from its manifest (package.json, go.mod, ...). */
export function isDependencyInstall(c: ShellCommand): boolean {
  const [first, second] = sub(c);
  switch (basename(c.name)) {
    case 'npm': return first === 'ci' || (['install', 'i'].includes(first ?? '') && second === undefined);
    case 'pnpm': return ['install', 'i'].includes(first ?? '') && second === undefined;
    case 'yarn': return first === undefined || (first === 'install' && second === undefined);
    case 'bundle': return first === undefined || first === 'install';
    case 'composer': return first === 'install';
    case 'poetry': return first === 'install';
    case 'pipenv': return ['install', 'sync'].includes(first ?? '') && second === undefined;
    case 'uv': return first === 'sync' || (first === 'pip' && hasAnyFlag(c, ['r', 'requirement']));
    case 'go': return first === 'mod' && second === 'download';
    case 'cargo': return ['build', 'fetch'].includes(first ?? '');
    case 'mvn':
    case 'mvnw': return sub(c).some((a) => /^dependency:(go-offline|resolve)|^(package|install|verify)$/.test(a));
    default: return isPipInstall(c) && hasAnyFlag(c, ['r', 'requirement']);
  }
}

/** Whether a COPY/ADD takes the whole build context, or a whole source tree, from it. */
export function copiesWholeContext(ins: Instruction): boolean {
  if (!(ins.keyword === 'COPY' || ins.keyword === 'ADD') || ins.copy?.from != null) return false;
  return (ins.copy?.sources ?? []).some((s) => /^(\.\/?|\.?\/?\*|(\.\/)?(src|app)\/?)$/.test(s));
}

/** The instructions a stage's layers feed: its own, then those of every stage built FROM it, in order. */
export function downstream(df: Dockerfile, stage: Stage): Instruction[] {
  return df.stages.filter((s) => stageChain(df, s.index).includes(stage)).flatMap((s) => s.instructions);
}

// Regular instructions run in this build, ONBUILD triggers in a child's: the two orders are never mixed.
export function sequences(list: readonly Instruction[]): Instruction[][] {
  return [list.filter((i) => i.trigger === null), list.flatMap((i) => (i.trigger === null ? [] : [i.trigger]))];
}

export const wh200: Rule = {
  id: 'WH200',
  title: 'Copy dependency manifests, install, then copy the sources',
  category: 'cache',
  severity: 'warning',
  origin: 'whittle',
  fixable: false,
  check(df) {
    const out: Finding[] = [];
    for (const stage of df.stages) {
      for (const seq of sequences(downstream(df, stage))) {
        for (const copy of seq.filter((i) => copiesWholeContext(i) && stage.instructions.some((s) => s === i || s.trigger === i))) {
          const run = seq.slice(seq.indexOf(copy) + 1).find((i) => commandsOf(i).some(isDependencyInstall));
          const install = run && commandsOf(run).find(isDependencyInstall);
          if (run === undefined || install === undefined) continue;
          out.push(findingAt(wh200, copy, `\`${copy.keyword} ${copy.args.trim()}\` comes before \`${install.text}\` on line ${run.span.line}: ` +
            'copy only the dependency manifests first, install, then copy the rest',
          { cacheImpact: `every change to any copied file re-runs \`${install.text}\` (line ${run.span.line}) and every step after it` }));
        }
      }
    }
    return out;
  },
};
