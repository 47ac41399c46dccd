// WH200: copying the whole context before a dependency install makes every source edit re-run the install.
import type { Dockerfile, Instruction, Stage } from '../dockerfile/model.js';
import type { ShellCommand } from '../dockerfile/shell.js';
import { argsNoFlags, basename, flagArgs, hasAnyFlag, isPipInstall } from '../dockerfile/shell.js';
import { commandsOf, stageChain } from './helpers.js';
import type { Finding, Rule, RuleContext, TextEdit } from './rule.js';
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

// Per installer: the manifest that must be in the context, and the lock files copied with it when they are.
const MANIFESTS: Readonly<Record<string, readonly [string, ...string[]]>> = {
  npm: ['package.json', 'package-lock.json', 'npm-shrinkwrap.json'],
  pnpm: ['package.json', 'pnpm-lock.yaml'],
  yarn: ['package.json', 'yarn.lock'],
  bundle: ['Gemfile', 'Gemfile.lock'],
  composer: ['composer.json', 'composer.lock'],
  poetry: ['pyproject.toml', 'poetry.lock'],
  pipenv: ['Pipfile', 'Pipfile.lock'],
  go: ['go.mod', 'go.sum'],
};

// The files the install reads, when they are all known to be at the top of the context; null otherwise
// (cargo build and mvn package need the sources, so they never move).
function manifestsFor(c: ShellCommand, files: readonly string[]): string[] | null {
  const name = basename(c.name);
  const pip = isPipInstall(c) ? [...flagArgs(c, 'r'), ...flagArgs(c, 'requirement')] : [];
  const wanted = pip.length > 0 ? pip : MANIFESTS[name];
  if (wanted === undefined || wanted.some((f) => f.includes('/') || f.includes('$'))) return null;
  const [first, ...rest] = wanted;
  if (first === undefined || !files.includes(first) || (pip.length > 0 && !pip.every((f) => files.includes(f)))) return null;
  return [first, ...rest.filter((f) => files.includes(f))];
}

/** `COPY . .` + install  ->  `COPY <manifests> ./` + install + `COPY . .`, when the install directly follows and is all the RUN does. */
function splitFix(df: Dockerfile, copy: Instruction, run: Instruction, ctx: RuleContext): TextEdit | null {
  const files = ctx.contextFiles;
  const [install, ...others] = commandsOf(run);
  if (files === undefined || files === null || install === undefined || others.length > 0 || copy.isTrigger || run.isTrigger) return null;
  if (run.heredocs.length > 0 || copy.heredocs.length > 0 || copy.keyword !== 'COPY') return null;
  const manifests = manifestsFor(install, files);
  const dest = copy.copy?.destination;
  if (manifests === null || dest === undefined || dest === null || dest.includes('$') || run.stage !== copy.stage) return null;
  const between = df.source.slice(copy.span.end, run.span.start);
  if (between.trim() !== '') return null;
  const flags = copy.flags.map((f) => `--${f.name}${f.value === null ? '' : `=${f.value}`} `).join('');
  const eol = df.source.includes('\r\n') ? '\r\n' : '\n';
  const copyText = df.source.slice(copy.span.start, copy.span.end);
  const runText = df.source.slice(run.span.start, run.span.end);
  const dir = dest.endsWith('/') ? dest : `${dest}/`;
  // The edit takes the RUN's line break too, so that no other fix can attach itself to the moved RUN in the same pass.
  const end = df.source.startsWith(eol, run.span.end) ? run.span.end + eol.length : run.span.end;
  return { start: copy.span.start, end, text: `${copy.rawKeyword} ${flags}${manifests.join(' ')} ${dir}${eol}${runText}${eol}${copyText}${df.source.slice(run.span.end, end)}` };
}

export const wh200: Rule = {
  id: 'WH200',
  title: 'Copy dependency manifests, install, then copy the sources',
  category: 'cache',
  severity: 'warning',
  origin: 'whittle',
  fixable: true,
  check(df, ctx) {
    const out: Finding[] = [];
    for (const stage of df.stages) {
      for (const seq of sequences(downstream(df, stage))) {
        for (const copy of seq.filter((i) => copiesWholeContext(i) && stage.instructions.some((s) => s === i || s.trigger === i))) {
          const run = seq.slice(seq.indexOf(copy) + 1).find((i) => commandsOf(i).some(isDependencyInstall));
          const install = run && commandsOf(run).find(isDependencyInstall);
          if (run === undefined || install === undefined) continue;
          const next = seq[seq.indexOf(copy) + 1];
          const fix = next === run ? splitFix(df, copy, run, ctx) : null;
          out.push(findingAt(wh200, copy, `\`${copy.keyword} ${copy.args.trim()}\` comes before \`${install.text}\` on line ${run.span.line}: ` +
            'copy only the dependency manifests first, install, then copy the rest',
          { cacheImpact: `every change to any copied file re-runs \`${install.text}\` (line ${run.span.line}) and every step after it`,
            ...(fix === null ? {} : { fix: [fix] }) }));
        }
      }
    }
    return out;
  },
};
