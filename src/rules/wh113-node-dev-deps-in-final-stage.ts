// WH113: `npm ci` / `npm install` in the final stage installs devDependencies into the runtime image unless told not to.
import type { Dockerfile, Instruction, Stage } from '../dockerfile/model.js';
import type { ShellCommand } from '../dockerfile/shell.js';
import { argValues, argsNoFlags, basename, dropFlagArg, hasAnyFlag } from '../dockerfile/shell.js';
import { commandsOf, insertAfterArg, stageChain } from './helpers.js';
import type { Finding, Rule, RuleContext, TextEdit } from './rule.js';
import { findingAt } from './rule.js';
import { SIZE, formatEstimate } from './size-estimates.js';

const INSTALLS = ['ci', 'clean-install', 'install', 'i'];
// npm flags that take their value as the next word; without dropping it, `--prefix /app` would read as a package.
const VALUE_FLAGS = ['prefix', 'cache', 'registry', 'userconfig', 'loglevel', 'omit', 'only', 'include', 'workspace', 'w'];

/** The install subcommand's argument when `c` is an npm install of the whole project (no package names), else undefined. */
function projectInstall(c: ShellCommand): ShellCommand['args'][number] | undefined {
  if (basename(c.name) !== 'npm' || hasAnyFlag(c, ['g', 'global'])) return undefined;
  const [sub, ...packages] = argsNoFlags(dropFlagArg(c, VALUE_FLAGS));
  if (sub === undefined || !INSTALLS.includes(sub) || packages.length > 0) return undefined;
  return c.args.find((a) => a.value === sub);
}

// `--omit=dev`, `--omit dev`, `--only=prod(uction)`, `--production`: npm leaves devDependencies out.
function omitsDevFlag(c: ShellCommand): boolean {
  const words = argValues(c);
  return words.some((w, i) => {
    const [flag, inline] = w.split('=', 2);
    const value = inline ?? words[i + 1] ?? '';
    if (flag === '--production' || flag === '--prod') return inline === undefined || inline === 'true';
    if (flag === '--omit') return value.split(',').includes('dev');
    if (flag === '--only') return ['prod', 'production'].includes(value);
    return false;
  });
}

/**
 * Whether an environment variable set to `value` makes npm leave devDependencies out. npm reads its
 * `npm_config_*` settings in either case; a value only known at build time counts as yes, so we stay quiet.
 */
function omitsDevEnv(name: string, value: string | null): boolean {
  const config = name.toLowerCase();
  if (name !== 'NODE_ENV' && !['npm_config_omit', 'npm_config_production', 'npm_config_only'].includes(config)) return false;
  if (value === null || value.includes('$')) return true;
  switch (config) {
    case 'node_env': return value === 'production';
    case 'npm_config_omit': return value.split(/[,\s]+/).includes('dev');
    case 'npm_config_production': return value === 'true';
    default: return ['prod', 'production'].includes(value);
  }
}

const pair = (assignment: string): [string, string] => {
  const eq = assignment.indexOf('=');
  return [assignment.slice(0, eq), assignment.slice(eq + 1)];
};

/**
 * The environment npm sees at `run`: ENV of the stage and the stages it builds on (inherited), over ARGs of
 * the stage itself (the only ARGs a RUN sees; ENV wins over an ARG of the same name).
 */
function envAt(df: Dockerfile, chain: readonly Stage[], run: Instruction, ctx: RuleContext): Map<string, string | null> {
  const env = new Map<string, string | null>();
  const args = new Map<string, string | null>();
  for (const stage of chain) {
    for (const ins of stage.instructions) {
      if (ins === run) break;
      if (ins.keyword === 'ENV') for (const p of ins.pairs ?? []) env.set(p.key, p.value);
      if (ins.keyword === 'ARG' && stage === chain[chain.length - 1]) {
        for (const p of ins.pairs ?? []) {
          const global = df.globalArgs.flatMap((g) => g.pairs ?? []).find((g) => g.key === p.key)?.value ?? null;
          // An ARG with no value anywhere is meant to be given at build time: unknown, like a `$` value.
          args.set(p.key, ctx.buildArgs[p.key] ?? p.value ?? global);
        }
      }
    }
  }
  for (const [k, v] of args) if (!env.has(k)) env.set(k, v);
  return env;
}

// The shell model does not list `export` as a command: read `export NAME=value` from the script text before `cmd`.
function exportsBefore(run: Instruction, cmd: ShellCommand): [string, string][] {
  const text = run.run?.script.text ?? '';
  const before = text.slice(0, Math.max(0, text.indexOf(cmd.text)));
  return [...before.matchAll(/\bexport\s+([^;&|\n]*)/g)].flatMap((m) =>
    (m[1] ?? '').split(/\s+/).filter((w) => /^[A-Za-z_]\w*=/.test(w)).map((w) => pair(w.replace(/["']/g, ''))));
}

// Commands that run project scripts or binaries out of node_modules: what a build step needs devDependencies for.
function needsDevDeps(c: ShellCommand): boolean {
  const name = basename(c.name);
  const [sub] = argsNoFlags(dropFlagArg(c, VALUE_FLAGS));
  if (c.name.includes('node_modules/.bin/') || c.args.some((a) => a.value.includes('node_modules/.bin/'))) return true;
  switch (name) {
    case 'npx': return true;
    case 'npm': return ['run', 'run-script', 'rum', 'urn', 'test', 't', 'tst', 'exec', 'x', 'start'].includes(sub ?? '');
    case 'yarn':
    case 'pnpm': return ['run', 'exec', 'test', 'dlx'].includes(sub ?? '');
    default: return false;
  }
}

export const wh113: Rule = {
  id: 'WH113',
  title: 'Leave devDependencies out of the final stage',
  category: 'size',
  severity: 'info',
  origin: 'whittle',
  fixable: true,
  check(df, ctx) {
    const final = df.stages[df.stages.length - 1];
    if (final === undefined) return [];
    const chain = stageChain(df, final.index);
    const runs = final.instructions.filter((i) => i.keyword === 'RUN');
    const size = SIZE.nodeDevDeps.bytes;
    const out: Finding[] = [];
    for (const [n, run] of runs.entries()) {
      // A cache mount on node_modules keeps the whole tree out of the layer.
      if ((run.run?.cacheMountTargets ?? []).some((t) => /(^|\/)node_modules\/?$/.test(t))) continue;
      const env = envAt(df, chain, run, ctx);
      if ([...env].some(([k, v]) => omitsDevEnv(k, v))) continue;
      const cmds = commandsOf(run);
      const installs: { cmd: ShellCommand; at: number }[] = [];
      for (const [i, c] of cmds.entries()) {
        const sub = projectInstall(c);
        if (sub === undefined || omitsDevFlag(c)) continue;
        const local = [...exportsBefore(run, c), ...c.assignments.map(pair)];
        if (local.some(([k, v]) => omitsDevEnv(k, v))) continue;
        installs.push({ cmd: c, at: i });
      }
      const first = installs[0];
      if (first === undefined) continue;
      // `npm prune --omit=dev` later in the same RUN takes them out before the layer is written.
      const after = cmds.slice(first.at + 1);
      if (after.some((c) => basename(c.name) === 'npm' && argsNoFlags(c)[0] === 'prune' && omitsDevFlag(c))) continue;
      const user = [...after, ...runs.slice(n + 1).flatMap(commandsOf)].find(needsDevDeps);
      const what = `\`${first.cmd.text}\` installs devDependencies into the final image (est. ${formatEstimate(size)})`;
      if (user !== undefined) {
        const line = runs.slice(n).find((r) => commandsOf(r).includes(user))?.span.line ?? run.span.line;
        out.push(findingAt(wh113, run, `${what}, and \`${user.text}\` on line ${line} needs them: build in an earlier stage and copy ` +
          'the output into this one, or chain `npm prune --omit=dev` after the build in the same RUN', { bytes: size }));
        continue;
      }
      const edits = installs.map(({ cmd }) => omitDev(df, run, cmd));
      const fix = edits.every((e): e is TextEdit => e !== null) ? { fix: edits } : {};
      out.push(findingAt(wh113, run, `${what}: add \`--omit=dev\` or set \`NODE_ENV=production\``, { bytes: size, ...fix }));
    }
    return out;
  },
};

/**
 * `npm ci` -> `npm ci --omit=dev`, written as a replacement of the subcommand word rather than an insertion after
 * it: WH100 appends its cache cleanup at the same offset when the install ends the RUN, and two insertions at
 * one offset would land in whichever order the findings came.
 */
function omitDev(df: Dockerfile, run: Instruction, cmd: ShellCommand): TextEdit | null {
  const sub = projectInstall(cmd);
  if (sub === undefined) return null;
  const at = insertAfterArg(df, run, cmd, sub.index, '');
  if (at === null) return null;
  const start = at.start - sub.raw.length;
  if (df.source.slice(start, at.start) !== sub.raw) return null;
  return { start, end: at.start, text: `${sub.raw} --omit=dev` };
}
