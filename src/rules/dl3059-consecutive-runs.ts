// DL3059: back-to-back single-command RUNs each make a layer; one RUN would make one.
import type { Dockerfile, Instruction } from '../dockerfile/model.js';
import { basename } from '../dockerfile/shell.js';
import { commandsOf, scriptSourceMap, stageOf } from './helpers.js';
import type { Finding, Rule, TextEdit } from './rule.js';
import { findingAt } from './rule.js';

const POSIX_SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh']);
// Commands whose effect outlives them in the shell: chained before another command they change what it does.
const STATEFUL = new Set(['cd', 'pushd', 'popd', 'export', 'set', 'unset', 'umask', 'source', '.', 'alias', 'shopt', 'trap',
  'exec', 'exit', 'ulimit', 'declare', 'typeset', 'readonly', 'local', 'eval', 'return']);

/**
 * Join `ins` onto the RUN just before it as `prev && ins`, on a continuation line; comment lines between them
 * stay as comment lines inside the continuation. Null where the join could change meaning or cannot be placed.
 */
function mergeFix(df: Dockerfile, prev: Instruction, ins: Instruction): TextEdit | null {
  const shell = stageOf(df, ins)?.shell[0] ?? '/bin/sh';
  if (!POSIX_SHELLS.has(basename(shell))) return null;
  const map = scriptSourceMap(df, prev);
  if (map === null || scriptSourceMap(df, ins) === null) return null;
  const [first, ...rest] = commandsOf(prev);
  if (first === undefined || rest.length > 0 || prev.run?.script.hasErrors === true || ins.run?.script.hasErrors === true) return null;
  if (STATEFUL.has(first.name) || commandsOf(ins).length !== 1) return null;
  const body = prev.args.trimEnd();
  if (body.includes('#') || /[&|;\\]$/.test(body) || ins.args.trim() === '') return null;
  const last = map[body.length - 1];
  if (last === undefined) return null;
  const between = df.source.slice(last + 1, ins.span.start);
  const comments = between.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.startsWith('#'));
  // A pragma names the instruction after it: inside a RUN it would mean something else.
  if (comments.some((c) => /ignore\s*=/.test(c))) return null;
  const eol = df.source.includes('\r\n') ? '\r\n' : '\n';
  const esc = df.directives.escape;
  return { start: last + 1, end: ins.argsStart, text: ` ${esc}${eol}${comments.map((c) => `    ${c}${eol}`).join('')}    && ` };
}

// RUNs only pair up when their flags agree (a different --mount or --network is a reason to split);
// mount options are compared as a set, as hadolint compares parsed mounts.
function flagsKey(ins: Instruction): string {
  const parts = ins.flags.map((f) => {
    if (f.name !== 'mount' || f.value === null) return `${f.name}=${f.value ?? ''}`;
    const opts: Record<string, string> = { type: 'bind' };
    for (const part of f.value.split(',')) {
      const eq = part.indexOf('=');
      const key = eq < 0 ? part.trim() : part.slice(0, eq).trim();
      opts[key === 'dst' || key === 'destination' ? 'target' : key] = eq < 0 ? 'true' : part.slice(eq + 1).trim();
    }
    return `mount=${JSON.stringify(Object.entries(opts).sort(([a], [b]) => a.localeCompare(b)))}`;
  });
  return JSON.stringify(parts.sort());
}

export const dl3059: Rule = {
  id: 'DL3059',
  title: 'Consolidate consecutive RUN instructions',
  category: 'size',
  severity: 'info',
  origin: 'hadolint',
  fixable: true,
  check(df) {
    const findings: Finding[] = [];
    let previous: { flags: string; commands: number } | null = null;
    let before: Instruction | null = null;
    // Comments are not instructions here, so they never break a run of RUNs; any other instruction does,
    // ONBUILD RUN included. A RUN that already chains two commands was split on purpose, and so was the next one.
    for (const ins of df.instructions) {
      const prev = before;
      before = ins;
      if (ins.keyword !== 'RUN') {
        previous = null;
        continue;
      }
      const current = { flags: flagsKey(ins), commands: ins.run?.script.commands.length ?? 0 };
      if (previous !== null && previous.flags === current.flags && previous.commands <= 1 && current.commands <= 1) {
        const fix = prev === null ? null : mergeFix(df, prev, ins);
        findings.push(findingAt(dl3059, ins, 'consecutive RUN instructions: consider merging them into one', fix === null ? {} : { fix: [fix] }));
      } else {
        previous = current;
      }
    }
    return findings;
  },
};
