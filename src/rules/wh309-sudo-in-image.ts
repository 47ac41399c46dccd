// WH309: sudo in an image, or a sudoers entry without a password, turns any shell in the container into root.
import type { Instruction } from '../dockerfile/model.js';
import type { ShellCommand } from '../dockerfile/shell.js';
import { argsNoFlags, basename } from '../dockerfile/shell.js';
import { instructions } from './helpers.js';
import type { Finding, Rule } from './rule.js';
import { findingAt } from './rule.js';

const INSTALL: Readonly<Record<string, readonly string[]>> = {
  'apt-get': ['install'], apt: ['install'], aptitude: ['install'], apk: ['add'], yum: ['install'], dnf: ['install'],
  microdnf: ['install'], tdnf: ['install'], zypper: ['install', 'in'], pacman: ['-S'],
};

function installsSudo(cmd: ShellCommand): boolean {
  const verbs = INSTALL[basename(cmd.name)];
  if (verbs === undefined) return false;
  const words = argsNoFlags(cmd);
  // pacman's verb is a flag; the others name it as the first operand.
  const installing = verbs.includes('-S') ? cmd.args.some((a) => /^-S\w*$/.test(a.value)) : verbs.includes(words[0] ?? '');
  return installing && words.some((w) => /^sudo(?:[=:-].*)?$/.test(w));
}

function check(ins: Instruction): Finding[] {
  const out: Finding[] = [];
  for (const cmd of ins.run?.script.commands ?? []) {
    if (installsSudo(cmd)) {
      out.push(findingAt(wh309, ins, `${basename(cmd.name)} installs sudo: an image needs no privilege escalation; run the steps that need root as root at build time, then switch USER`));
    }
  }
  const written = ins.keyword === 'RUN' ? ins.args : ins.heredocs.map((h) => h.body).join('\n');
  const target = ins.keyword === 'RUN' ? written : `${ins.copy?.destination ?? ''}`;
  if (/\bNOPASSWD\s*:/.test(written) && /sudoers/.test(target)) {
    out.push(findingAt(wh309, ins, 'a sudoers entry with NOPASSWD lets any process running as that user become root without a password'));
  }
  return out;
}

export const wh309: Rule = {
  id: 'WH309',
  title: 'Do not install sudo or grant passwordless sudo',
  category: 'security',
  severity: 'warning',
  origin: 'whittle',
  fixable: false,
  check(df) {
    return instructions(df)
      .filter((i) => i.keyword === 'RUN' || i.keyword === 'COPY' || i.keyword === 'ADD')
      .flatMap(check);
  },
};
