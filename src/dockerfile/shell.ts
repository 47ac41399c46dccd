// The shell-command model of a RUN: every simple command (nested ones too) with its words unquoted,
// built on tree-sitter-bash. Argument and flag semantics follow hadolint's so DL rules agree with it.
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { Language, Parser } from 'web-tree-sitter';
import type { Node } from 'web-tree-sitter';

export interface CommandArg {
  /** The word with quotes removed; expansions kept as `${NAME}` (as hadolint simplifies them). */
  readonly value: string;
  /** The word as written. */
  readonly raw: string;
  /** Position among the command's arguments (the command name is not counted). */
  readonly index: number;
}

export interface ShellCommand {
  /** Command name, unquoted (`apt-get`, `/usr/bin/pip3`). */
  readonly name: string;
  readonly args: readonly CommandArg[];
  /**
   * Flags as hadolint reads them: `-abc` gives `a`, `b`, `c`; `--name=value` gives `name`; `-` and `--` give none.
   * Each flag carries the `index` of the argument it came from.
   */
  readonly flags: readonly CommandArg[];
  /** `NAME=value` assignments before the command name. */
  readonly assignments: readonly string[];
  /** Source text of the command. */
  readonly text: string;
  /** 0-based line of the command within the script text. */
  readonly line: number;
  /**
   * In a pipeline `a | b | c`: its 0-based position and the pipeline's start offset in the script text
   * (commands with the same `start` are in the same pipeline). Absent outside pipelines.
   */
  readonly pipe?: { readonly start: number; readonly position: number };
}

export interface ShellScript {
  readonly text: string;
  /** Every simple command in document order, including those in subshells, substitutions and shell heredocs. */
  readonly commands: readonly ShellCommand[];
  /** Number of pipelines (`a | b`). */
  readonly pipes: number;
  /** The parser met syntax it could not read; commands found around the error are still listed. */
  readonly hasErrors: boolean;
}

const require = createRequire(import.meta.url);
// V8's optimizing wasm tier spends ~0.5 s compiling the 1.4 MB grammar on first use, which would make every
// `whittle lint` start 4x slower than bare node; the baseline tier parses Dockerfile-sized scripts fast enough.
setFlagsFromString('--liftoff-only');
await Parser.init();
const bash = await Language.load(require.resolve('tree-sitter-bash/tree-sitter-bash.wasm'));
const parser = new Parser();
parser.setLanguage(bash);

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'busybox']);

/** Parse shell text into the command model. */
export function parseShell(text: string): ShellScript {
  const tree = parser.parse(text);
  if (tree === null) return { text, commands: [], pipes: 0, hasErrors: true };
  const commands: ShellCommand[] = [];
  let pipes = 0;
  const visit = (node: Node, lineOffset: number): void => {
    if (node.type === 'pipeline') pipes++;
    if (node.type === 'command') {
      const cmd = toCommand(node, lineOffset);
      if (cmd !== null) commands.push(cmd);
    }
    for (const child of node.children) if (child !== null) visit(child, lineOffset);
    if (node.type === 'redirected_statement') {
      // `bash <<EOF ... EOF` runs the body as a script: its commands count as this RUN's commands.
      const body = node.childForFieldName('body');
      const name = body?.type === 'command' ? body.childForFieldName('name') : null;
      if (name && SHELLS.has(basename(simplify(name)))) {
        for (const doc of node.descendantsOfType('heredoc_body')) {
          if (doc === null) continue;
          const inner = parseShell(doc.text);
          const docLine = doc.startPosition.row + lineOffset;
          for (const c of inner.commands) {
            const pipe = c.pipe && { pipe: { ...c.pipe, start: c.pipe.start + doc.startIndex } };
            commands.push({ ...c, line: c.line + docLine, ...pipe });
          }
          pipes += inner.pipes;
        }
      }
    }
  };
  visit(tree.rootNode, 0);
  const hasErrors = tree.rootNode.hasError;
  tree.delete();
  return { text, commands, pipes, hasErrors };
}

function toCommand(node: Node, lineOffset: number): ShellCommand | null {
  const nameNode = node.childForFieldName('name');
  if (nameNode === null) return null;
  const args = node.childrenForFieldName('argument').map((a, index) => ({ value: simplify(a), raw: a.text, index }));
  const assignments = node.children
    .filter((c): c is Node => c !== null && c.type === 'variable_assignment')
    .map((c) => c.text);
  return {
    name: simplify(nameNode),
    args,
    flags: flagsOf(args),
    assignments,
    text: node.text,
    line: node.startPosition.row + lineOffset,
    ...pipeOf(node),
  };
}

// A pipeline's stages are its named children; a stage may wrap the command in a redirection.
function pipeOf(node: Node): Pick<ShellCommand, 'pipe'> {
  const stage = node.parent?.type === 'redirected_statement' ? node.parent : node;
  const pipeline = stage.parent;
  if (pipeline?.type !== 'pipeline') return {};
  const position = pipeline.namedChildren.findIndex((c) => c?.id === stage.id);
  return position < 0 ? {} : { pipe: { start: pipeline.startIndex, position } };
}

function flagsOf(args: readonly CommandArg[]): CommandArg[] {
  const flags: CommandArg[] = [];
  for (const a of args) {
    const v = a.value;
    if (v === '-' || v === '--' || !v.startsWith('-')) continue;
    if (v.startsWith('--')) {
      const eq = v.indexOf('=');
      flags.push({ ...a, value: v.slice(2, eq < 0 ? undefined : eq) });
    } else {
      for (const ch of v.slice(1)) flags.push({ ...a, value: ch });
    }
  }
  return flags;
}

/** A word's value without quotes; expansions kept as `${...}` (hadolint's `simplify`). */
function simplify(node: Node): string {
  switch (node.type) {
    case 'command_name':
    case 'concatenation':
    case 'string':
      return node.namedChildren.map((c) => (c === null ? '' : simplify(c))).join('');
    case 'word':
      return unescapeWord(node.text);
    case 'string_content':
    case 'heredoc_content':
      return node.text.replace(/\\([$`"\\\n])/g, '$1');
    case 'raw_string':
      return node.text.slice(1, -1);
    case 'ansi_c_string':
      return node.text.slice(2, -1);
    case 'simple_expansion':
      return `\${${node.text.slice(1)}}`;
    case 'expansion':
      return node.text;
    case 'command_substitution':
      return `\${${node.namedChildren.map((c) => c?.text ?? '').join(' ')}}`;
    case 'arithmetic_expansion':
      return '${VAR}';
    default:
      return node.text;
  }
}

function unescapeWord(text: string): string {
  return text.replace(/\\(.)/gs, '$1');
}

export function basename(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? path : path.slice(i + 1);
}

// ---- hadolint-compatible queries over commands ----

/** The command is `name` (or one of `names`) and has at least one of `args` among its arguments. */
export function cmdHasArgs(cmd: ShellCommand, names: string | readonly string[], args: readonly string[]): boolean {
  const list = typeof names === 'string' ? [names] : names;
  if (!list.includes(cmd.name)) return false;
  return cmd.args.some((a) => args.includes(a.value));
}

export function cmdHasPrefixArg(cmd: ShellCommand, name: string, prefix: string): boolean {
  return cmd.name === name && cmd.args.some((a) => a.value.startsWith(prefix));
}

export function hasFlag(cmd: ShellCommand, flag: string): boolean {
  return cmd.flags.some((f) => f.value === flag);
}

export function countFlag(cmd: ShellCommand, flag: string): number {
  return cmd.flags.filter((f) => f.value === flag).length;
}

export function hasAnyFlag(cmd: ShellCommand, flags: readonly string[]): boolean {
  return cmd.flags.some((f) => flags.includes(f.value));
}

export function hasArg(cmd: ShellCommand, arg: string): boolean {
  return cmd.args.some((a) => a.value === arg);
}

/** Argument values, in order. */
export function argValues(cmd: ShellCommand): string[] {
  return cmd.args.map((a) => a.value);
}

/** Arguments that are not flags. */
export function argsNoFlags(cmd: ShellCommand): string[] {
  const flagIdx = new Set(cmd.flags.map((f) => f.index));
  return cmd.args.filter((a) => !flagIdx.has(a.index)).map((a) => a.value);
}

// The value of a flag is the next argument after it (hadolint's getValueId).
function valueIndex(cmd: ShellCommand, flagIndex: number): number | undefined {
  return cmd.args.find((a) => a.index > flagIndex)?.index;
}

/** The command without the values of the given flags (`-t bookworm` drops `bookworm`), unless given inline. */
export function dropFlagArg(cmd: ShellCommand, flags: readonly string[]): ShellCommand {
  const drop = new Set<number>();
  for (const f of cmd.flags) {
    if (!flags.includes(f.value)) continue;
    const arg = cmd.args[f.index];
    if (arg?.value.includes('=')) continue;
    const v = valueIndex(cmd, f.index);
    if (v !== undefined) drop.add(v);
  }
  const args = cmd.args.filter((a) => !drop.has(a.index));
  return { ...cmd, args };
}

/** Values given to `flag` (`useradd -u 1000` → ['1000']). */
export function flagArgs(cmd: ShellCommand, flag: string): string[] {
  const ids = new Set<number>();
  for (const f of cmd.flags) {
    if (f.value !== flag) continue;
    const v = valueIndex(cmd, f.index);
    if (v !== undefined) ids.add(v);
  }
  return cmd.args.filter((a) => ids.has(a.index)).map((a) => a.value);
}

/** `pip install`, `pip3 install`, `python -m pip install` (hadolint's isPipInstall). */
export function isPipInstall(cmd: ShellCommand): boolean {
  const values = argValues(cmd);
  if (cmd.name.startsWith('pip') && !cmd.name.startsWith('pipenv') && values.includes('install')) return true;
  return cmd.name.startsWith('python') && containsSeq(values, ['-m', 'pip', 'install']);
}

export function containsSeq(list: readonly string[], seq: readonly string[]): boolean {
  outer: for (let i = 0; i + seq.length <= list.length; i++) {
    for (let j = 0; j < seq.length; j++) if (list[i + j] !== seq[j]) continue outer;
    return true;
  }
  return false;
}

export function usingProgram(script: ShellScript, program: string): boolean {
  return script.commands.some((c) => c.name === program);
}
