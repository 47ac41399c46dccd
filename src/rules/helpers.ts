// Shared queries rules use over the model: instructions with ONBUILD triggers, shipped stages, RUN commands.
import type { Dockerfile, Instruction, Stage } from '../dockerfile/model.js';
import { joinContinuations } from '../dockerfile/parse.js';
import type { ShellCommand } from '../dockerfile/shell.js';
import type { LabelType, RuleContext } from './rule.js';
import type { TextEdit } from './rule.js';

// Rules ask for the same lists over and over (100+ rules per file): build each once per parsed Dockerfile.
const cache = new WeakMap<Dockerfile, Map<string, readonly Instruction[]>>();

function memo(df: Dockerfile, key: string, build: () => readonly Instruction[]): readonly Instruction[] {
  let lists = cache.get(df);
  if (lists === undefined) {
    lists = new Map();
    cache.set(df, lists);
  }
  let list = lists.get(key);
  if (list === undefined) {
    list = Object.freeze(build());
    lists.set(key, list);
  }
  return list;
}

/**
 * Every instruction in order; with `triggers`, the instruction inside each ONBUILD follows it
 * (hadolint checks most rules on ONBUILD triggers too).
 */
export function instructions(df: Dockerfile, opts: { triggers: boolean } = { triggers: true }): readonly Instruction[] {
  return memo(df, opts.triggers ? '*+' : '*', () => {
    const out: Instruction[] = [];
    for (const ins of df.instructions) {
      out.push(ins);
      if (opts.triggers && ins.trigger !== null) out.push(ins.trigger);
    }
    return out;
  });
}

/** Instructions (ONBUILD triggers included) with the given keyword. */
export function withKeyword(df: Dockerfile, keyword: string, opts: { triggers: boolean } = { triggers: true }): readonly Instruction[] {
  return memo(df, `${keyword}${opts.triggers ? '+' : ''}`, () => instructions(df, opts).filter((i) => i.keyword === keyword));
}

/** RUN instructions, ONBUILD RUN triggers included. */
export function runs(df: Dockerfile, opts: { triggers: boolean } = { triggers: true }): readonly Instruction[] {
  return withKeyword(df, 'RUN', opts);
}

/**
 * Each top-level `keyword` instruction that follows another of its kind in the same stage (instructions before
 * the first FROM count as a stage of their own), with the one it overrides: only the last CMD, ENTRYPOINT or
 * HEALTHCHECK of a stage takes effect. ONBUILD triggers are left out: they belong to child images.
 */
export function repeatsInStage(df: Dockerfile, keyword: string): { readonly earlier: Instruction; readonly later: Instruction }[] {
  const out: { earlier: Instruction; later: Instruction }[] = [];
  let previous: Instruction | null = null;
  for (const ins of df.instructions) {
    if (ins.keyword === 'FROM') previous = null;
    if (ins.keyword !== keyword) continue;
    if (previous !== null) out.push({ earlier: previous, later: ins });
    previous = ins;
  }
  return out;
}

/** The simple commands of a RUN (empty for other instructions). */
export function commandsOf(ins: Instruction): readonly ShellCommand[] {
  return ins.run?.script.commands ?? [];
}

/** Stages whose filesystem ends up in the final image: the last stage and the stages it builds on. */
export function shippedStages(df: Dockerfile): Stage[] {
  const out: Stage[] = [];
  let current: Stage | undefined = df.stages[df.stages.length - 1];
  const seen = new Set<number>();
  while (current !== undefined && !seen.has(current.index)) {
    seen.add(current.index);
    out.unshift(current);
    const parent = current.from.from?.parentStage;
    current = parent === null || parent === undefined ? undefined : df.stages[parent];
  }
  return out;
}

/** RUN instructions of the shipped stages. */
export function runsInShippedStages(df: Dockerfile): Instruction[] {
  return shippedStages(df).flatMap((s) => s.instructions.filter((i) => i.keyword === 'RUN'));
}

export function stageOf(df: Dockerfile, ins: Instruction): Stage | undefined {
  return ins.stage >= 0 ? df.stages[ins.stage] : undefined;
}

// ---- hadolint's two ways of carrying a fact from stage to stage (rules keep them to agree with it) ----

/**
 * A stateful check run as hadolint's `rule <> onbuild rule`: over the instructions, then over the ONBUILD
 * triggers as a list of their own (a trigger sees only the triggers before it); findings in line order.
 */
export function checkWithTriggers<F extends { readonly location: { readonly line?: number } }>(
  list: readonly Instruction[],
  run: (list: readonly Instruction[]) => F[],
): F[] {
  const triggers = list.flatMap((i) => (i.trigger === null ? [] : [i.trigger]));
  return [...run(list), ...run(triggers)].sort((a, b) => (a.location.line ?? 0) - (b.location.line ?? 0));
}

/**
 * A yes/no fact per stage (WORKDIR set, PIP_NO_CACHE_DIR on), fed instructions in order. A stage is keyed by its
 * alias, else by its image name, and starts with the value of the key its image names; so, as in hadolint, two
 * unnamed stages FROM one image share the fact. Before any FROM the key is null.
 */
export function stageFacts(): { enter(from: Instruction): void; set(): void; holds(): boolean } {
  const facts = new Map<string | null, boolean>();
  let current: string | null = null;
  return {
    enter(from) {
      const image = from.from?.name ?? '';
      current = from.from?.alias ?? image;
      facts.set(current, facts.get(image) ?? false);
    },
    set: () => void facts.set(current, true),
    holds: () => facts.get(current) === true,
  };
}

/**
 * The ENV and ARG names a RUN can see, as hadolint tracks them for version pins: ENV names belong to a stage
 * and are inherited by a stage FROM its alias (the first stage of that name); ARG names count everywhere after
 * they are declared.
 */
export function stageVariables(): { enter(from: Instruction): void; env(names: readonly string[]): void; arg(names: readonly string[]): void; referencedIn(text: string): boolean } {
  const aliases: (string | null)[] = [];
  const envs: Set<string>[] = [];
  const args = new Set<string>();
  let current = -1;
  const start = (): void => {
    if (current >= 0) return;
    current = 0;
    aliases.push(null);
    envs.push(new Set());
  };
  return {
    enter(from) {
      const parent = aliases.findIndex((a) => a !== null && a === from.from?.name);
      envs.push(new Set(parent >= 0 ? envs[parent] : []));
      aliases.push(from.from?.alias ?? null);
      current = envs.length - 1;
    },
    env(names) {
      start();
      for (const n of names) envs[current]?.add(n);
    },
    arg(names) {
      start();
      for (const n of names) args.add(n);
    },
    referencedIn(text) {
      const seen = [...(envs[current] ?? []), ...args];
      return seen.some((n) => text.includes(`\${${n}}`));
    },
  };
}

// ---- Fix support: where the words of a shell-form RUN sit in the source ----

/**
 * For a shell-form RUN without heredocs, the source offset of each character of its script text (`ins.args`).
 * Continuations and the comment lines inside them are skipped as the parser skips them; null when the text
 * cannot be mapped back exactly, so a fix is never placed by guesswork.
 */
export function scriptSourceMap(df: Dockerfile, ins: Instruction): number[] | null {
  if (ins.run === undefined || ins.json !== null || ins.heredocs.length > 0 || ins.run.script.text !== ins.args) return null;
  const joined = joinContinuations(df.source, ins.argsStart, ins.span.end, df.directives.escape, false);
  if (joined.text !== ins.args) return null;
  return Array.from({ length: joined.text.length }, (_, i) => joined.at(i));
}

// Where `cmd` starts in its script's text; identical commands on one line are told apart by their order.
function commandOffset(ins: Instruction, cmd: ShellCommand): number | null {
  const script = ins.run?.script;
  if (script === undefined) return null;
  const twinsBefore = script.commands
    .slice(0, Math.max(0, script.commands.indexOf(cmd)))
    .filter((c) => c.text === cmd.text && c.line === cmd.line).length;
  let from = 0;
  for (let l = 0; l < cmd.line; l++) from = script.text.indexOf('\n', from) + 1;
  let at = -1;
  for (let k = 0; k <= twinsBefore; k++) {
    at = script.text.indexOf(cmd.text, from);
    if (at < 0) return null;
    from = at + 1;
  }
  return at;
}

// Where argument `argIndex` of `cmd` ends within `cmd.text`: after the assignments and the name, the raw
// words are found one after the other.
function argEndInCommand(cmd: ShellCommand, argIndex: number): number | null {
  let cursor = 0;
  for (const a of cmd.assignments) {
    const at = cmd.text.indexOf(a, cursor);
    if (at < 0) return null;
    cursor = at + a.length;
  }
  const name = /^\s*\S+/.exec(cmd.text.slice(cursor));
  if (name === null) return null;
  cursor += name[0].length;
  for (const a of cmd.args) {
    const at = cmd.text.indexOf(a.raw, cursor);
    if (at < 0) return null;
    cursor = at + a.raw.length;
    if (a.index === argIndex) return cursor;
  }
  return null;
}

/** An edit inserting `text` right after argument `argIndex` of `cmd`, a command of the shell-form RUN `ins`. */
export function insertAfterArg(df: Dockerfile, ins: Instruction, cmd: ShellCommand, argIndex: number, text: string): TextEdit | null {
  const map = scriptSourceMap(df, ins);
  const start = commandOffset(ins, cmd);
  const end = argEndInCommand(cmd, argIndex);
  if (map === null || start === null || end === null || end === 0) return null;
  const last = map[start + end - 1];
  return last === undefined ? null : { start: last + 1, end: last + 1, text };
}

/**
 * An edit chaining `&& command` onto the end of the shell-form RUN `ins`, on a continuation line of its own.
 * Null when the script does not end in a plain command (a trailing operator, a comment, a parse error).
 */
export function appendToRun(df: Dockerfile, ins: Instruction, command: string): TextEdit | null {
  const map = scriptSourceMap(df, ins);
  const script = ins.run?.script;
  if (map === null || script === undefined || script.hasErrors || script.commands.length === 0) return null;
  const body = ins.args.trimEnd();
  if (body.includes('#') || /[&|;\\]$/.test(body)) return null;
  const last = map[body.length - 1];
  if (last === undefined) return null;
  const eol = df.source.includes('\r\n') ? '\r\n' : '\n';
  return { start: last + 1, end: last + 1, text: ` ${df.directives.escape}${eol}    && ${command}` };
}

// ---- Label schema (hadolint's `label-schema` config) ----

/**
 * Each top-level LABEL that sets a schema label (of `type`, or any type when null) to a value `isBad` rejects:
 * one entry per instruction and label, in source order, then label-name order. As in hadolint, ONBUILD LABEL
 * triggers are not checked, and a key without a value counts as empty.
 */
export function badSchemaLabels(
  df: Dockerfile, ctx: RuleContext, type: LabelType | null, isBad: (value: string) => boolean,
): { ins: Instruction; label: string }[] {
  const labels = Object.entries(ctx.labelSchema)
    .filter(([, t]) => type === null || t === type)
    .map(([name]) => name)
    .sort();
  return withKeyword(df, 'LABEL', { triggers: false }).flatMap((ins) =>
    labels
      .filter((label) => (ins.pairs ?? []).some((p) => p.key === label && isBad(p.value ?? '')))
      .map((label) => ({ ins, label })),
  );
}

// ---- whittle size/cache rules: shipped instructions, cache paths ----

/** The stage and the stages it builds on (`FROM <stage>`), the earliest first. */
export function stageChain(df: Dockerfile, stage: number): Stage[] {
  const out: Stage[] = [];
  let current: Stage | undefined = df.stages[stage];
  while (current !== undefined && !out.includes(current)) {
    out.unshift(current);
    const parent = current.from.from?.parentStage;
    current = parent === null || parent === undefined ? undefined : df.stages[parent];
  }
  return out;
}

/**
 * Instructions of the shipped stages in order, each ONBUILD trigger after its ONBUILD: a trigger runs in every
 * image built from this one, so what it leaves behind ships there.
 */
export function shippedInstructions(df: Dockerfile): Instruction[] {
  return shippedStages(df).flatMap((s) => s.instructions.flatMap((i) => (i.trigger === null ? [i] : [i, i.trigger])));
}

// `~/.npm`, `$HOME/.npm`, `/root/.npm` and `/home/node/.npm` all name the home-relative `.npm`.
function homeRelative(path: string): string | null {
  const m = /^(?:~|\$\{?HOME\}?|\/root|\/home\/[^/]+)\/(.+)$/.exec(path);
  return m?.[1] ?? null;
}

function normalizePath(path: string): string {
  // `dir/*` and `dir/*.gem` empty `dir` as far as a cache is concerned.
  return path.replace(/\/[^/]*\*[^/]*$/, '').replace(/\/+$/, '') || '/';
}

/**
 * Whether `candidate` (an `rm` argument or a mount target) is `wanted` or a directory above it. `wanted` is
 * absolute (`/var/lib/apt/lists`) or home-relative (`.cache/pip`, matched under any home directory).
 */
export function coversPath(candidate: string, wanted: string): boolean {
  const c = normalizePath(candidate);
  const w = normalizePath(wanted);
  const inside = (dir: string, path: string): boolean => path === dir || path.startsWith(`${dir}/`);
  if (w.startsWith('/')) return inside(c, w);
  const rel = homeRelative(c);
  return rel !== null && inside(rel, w);
}

/** Whether the RUN deletes `wanted` (or a directory above it) with `rm`. */
export function removesPath(ins: Instruction, wanted: string): boolean {
  return commandsOf(ins).some((c) => c.name === 'rm' && c.args.some((a) => !a.value.startsWith('-') && coversPath(a.value, wanted)));
}

/** Whether a cache or tmpfs mount of the RUN keeps `wanted` out of the layer. */
export function mountsCacheOn(ins: Instruction, wanted: string): boolean {
  return (ins.run?.cacheMountTargets ?? []).some((t) => coversPath(t, wanted));
}
