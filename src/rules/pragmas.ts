// Inline suppression comments, read the way hadolint reads them (and whittle's own spelling):
//   # hadolint ignore=DL3008,SC2086   (or `# whittle ignore=...`) silences those ids on the next instruction;
//   # hadolint global ignore=DL3059   silences them in the whole file;
//   # whittle stage-ignore=WH101      silences them from that line to the end of the stage;
//   # hadolint shell=powershell       tells ShellCheck which shell the RUNs use.
import type { Dockerfile } from '../dockerfile/model.js';

export interface Pragmas {
  /** 1-based line -> ids silenced there (every line of the instruction after the pragma: ShellCheck reports inner lines). */
  readonly byLine: ReadonlyMap<number, ReadonlySet<string>>;
  readonly global: ReadonlySet<string>;
  /** [fromLine, toLine] ranges with their ids. */
  readonly ranges: readonly { readonly from: number; readonly to: number; readonly ids: ReadonlySet<string> }[];
  readonly shell: string | null;
  /** Lines of every ignore pragma (DL1001 reports them). */
  readonly ignoreLines: readonly number[];
}

const PRAGMA = /^(hadolint|whittle)\s+(global\s+ignore|ignore|stage-ignore|shell)\s*=\s*(.*)$/i;

function ids(list: string): string[] {
  return list.split(/[,\s]+/).map((s) => s.trim()).filter((s) => s !== '');
}

export function readPragmas(df: Dockerfile): Pragmas {
  const byLine = new Map<number, Set<string>>();
  const global = new Set<string>();
  const ranges: { from: number; to: number; ids: Set<string> }[] = [];
  const ignoreLines: number[] = [];
  let shell: string | null = null;
  const starts = df.instructions.map((i) => i.span.line).sort((a, b) => a - b);
  const froms = df.instructions.filter((i) => i.keyword === 'FROM').map((i) => i.span.line);
  for (const c of df.comments) {
    const m = PRAGMA.exec(c.text);
    if (m === null) continue;
    const kind = (m[2] ?? '').toLowerCase().replace(/\s+/g, ' ');
    const value = (m[3] ?? '').trim();
    if (kind === 'shell') {
      shell = value;
      continue;
    }
    ignoreLines.push(c.line);
    if (kind === 'global ignore') {
      for (const id of ids(value)) global.add(id);
    } else if (kind === 'stage-ignore') {
      const nextFrom = froms.find((l) => l > c.line) ?? Number.MAX_SAFE_INTEGER;
      ranges.push({ from: c.line, to: nextFrom - 1, ids: new Set(ids(value)) });
    } else {
      const next = starts.find((l) => l > c.line);
      if (next === undefined) continue;
      const last = df.instructions.find((i) => i.span.line === next)?.span.endLine ?? next;
      for (let line = next; line <= last; line++) {
        const set = byLine.get(line) ?? new Set<string>();
        for (const id of ids(value)) set.add(id);
        byLine.set(line, set);
      }
    }
  }
  return { byLine, global, ranges, shell, ignoreLines };
}

/** Whether one of `names` (a rule id and its aliases) is silenced at `line`. */
export function isSilenced(p: Pragmas, names: readonly string[], line: number | undefined): boolean {
  if (names.some((n) => p.global.has(n))) return true;
  if (line === undefined) return false;
  const at = p.byLine.get(line);
  if (at && names.some((n) => at.has(n))) return true;
  return p.ranges.some((r) => line >= r.from && line <= r.to && names.some((n) => r.ids.has(n)));
}
