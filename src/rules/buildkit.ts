// What BuildKit's Dockerfile frontend sees that our model does not keep: its parser directives, the comments
// it attaches to each instruction, and the instructions it lints (those of stages, not ONBUILD triggers).
import type { Dockerfile, Instruction } from '../dockerfile/model.js';

/** One line of the Dockerfile as BuildKit's parser reads it (1-based `line`). */
interface SourceLine {
  readonly line: number;
  readonly text: string;
}

const DIRECTIVE = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/;
const DIRECTIVE_NAMES = ['syntax', 'escape', 'check'];

function sourceLines(df: Dockerfile): SourceLine[] {
  return df.source.split(/\r?\n/).map((text, i) => ({ line: i + 1, text }));
}

/**
 * Lines holding parser directives: BuildKit reads them only at the very top, each name once, and stops at the
 * first line that is not one (a shebang on line 1 is skipped over).
 */
export function directiveLines(df: Dockerfile): ReadonlySet<number> {
  const out = new Set<number>();
  const seen = new Set<string>();
  for (const { line, text } of sourceLines(df)) {
    if (line === 1 && text.startsWith('#!')) continue;
    const m = DIRECTIVE.exec(text);
    const name = (m?.[1] ?? '').toLowerCase();
    if (m === null || !DIRECTIVE_NAMES.includes(name) || seen.has(name)) break;
    seen.add(name);
    out.add(line);
  }
  return out;
}

/** A comment as BuildKit hands it to an instruction: the text after `#`, trimmed, and its line. */
export interface AttachedComment {
  readonly line: number;
  readonly text: string;
}

/**
 * The comments BuildKit attaches to each top-level instruction: those since the previous instruction, where a
 * bare `#` starts the list afresh and blank lines do not; directives are not comments.
 */
export function attachedComments(df: Dockerfile): ReadonlyMap<Instruction, readonly AttachedComment[]> {
  const lines = sourceLines(df);
  const directives = directiveLines(df);
  const out = new Map<Instruction, AttachedComment[]>();
  let after = 0;
  for (const ins of df.instructions) {
    let comments: AttachedComment[] = [];
    for (const { line, text } of lines.slice(after, ins.span.line - 1)) {
      const trimmed = text.trimStart();
      if (!trimmed.startsWith('#') || directives.has(line)) continue;
      const body = trimmed.slice(1).trim();
      comments = body === '' ? [] : [...comments, { line, text: body }];
    }
    out.set(ins, comments);
    after = Math.max(after, ins.span.endLine);
  }
  return out;
}

/** Instructions BuildKit lints as commands: those inside a stage (FROM included), not ONBUILD triggers. */
export function stageInstructions(df: Dockerfile): Instruction[] {
  return df.instructions.filter((ins) => ins.stage >= 0);
}

/** `FROM image AS name` words as written: the `AS` keyword and the name, when the FROM names its stage. */
export function stageNameWords(ins: Instruction): { readonly as: string; readonly name: string } | null {
  const [, as, name] = ins.words;
  if (ins.words.length !== 3 || as === undefined || name === undefined || as.toLowerCase() !== 'as') return null;
  return { as, name };
}

/** A word with one pair of surrounding quotes removed, as BuildKit's word processing leaves it. */
export function unquote(word: string): string {
  const m = /^"(.*)"$|^'(.*)'$/s.exec(word);
  return m === null ? word : (m[1] ?? m[2] ?? '');
}
