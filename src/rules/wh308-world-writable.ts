// WH308: world-writable files let any process in the container (any user) rewrite code or config.
import type { Instruction } from '../dockerfile/model.js';
import type { ShellCommand } from '../dockerfile/shell.js';
import { argsNoFlags, basename, flagArgs } from '../dockerfile/shell.js';
import { instructions } from './helpers.js';
import type { Finding, Rule } from './rule.js';
import { findingAt } from './rule.js';

/**
 * Whether a chmod-style mode gives write permission to others. Modes with the sticky bit are left alone:
 * `1777` is how shared temp directories are meant to look.
 */
export function worldWritable(mode: string): boolean {
  if (/^[0-7]{1,5}$/.test(mode)) {
    const m = mode.padStart(4, '0').slice(-4);
    return (Number(m[0]) & 1) === 0 && (Number(m[3]) & 2) === 2;
  }
  const clauses = mode.split(',');
  if (!clauses.every((c) => /^[ugoa]*(?:[-+=][rwxXst]*)+$/.test(c))) return false;
  if (clauses.some((c) => /[+=][rwxX]*t/.test(c))) return false;
  return clauses.some((c) => /^[ugo]*[ao][ugoa]*/.test(c) && /[+=][rwxXs]*w/.test(c));
}

function modesOf(cmd: ShellCommand): string[] {
  switch (basename(cmd.name)) {
    case 'chmod':
      return argsNoFlags(cmd).slice(0, 1);
    case 'mkdir':
    case 'install':
      return [
        ...flagArgs(cmd, 'm'),
        ...cmd.args.flatMap((a) => (a.value.startsWith('--mode=') ? [a.value.slice('--mode='.length)] : [])),
      ];
    default:
      return [];
  }
}

const WHY = 'any user in the container can then change these files: grant write access to the owning user or group only';

function check(ins: Instruction): Finding[] {
  if (ins.keyword === 'COPY' || ins.keyword === 'ADD') {
    const mode = ins.copy?.chmod ?? null;
    return mode !== null && worldWritable(mode) ? [findingAt(wh308, ins, `${ins.keyword} --chmod=${mode} makes files world-writable: ${WHY}`)] : [];
  }
  return (ins.run?.script.commands ?? []).flatMap((cmd) =>
    modesOf(cmd)
      .filter(worldWritable)
      .map((mode) => findingAt(wh308, ins, `${basename(cmd.name)} ${mode} makes files world-writable: ${WHY}`)),
  );
}

export const wh308: Rule = {
  id: 'WH308',
  title: 'Do not make files world-writable',
  category: 'security',
  severity: 'warning',
  origin: 'whittle',
  fixable: false,
  check(df) {
    return instructions(df).flatMap(check);
  },
};
