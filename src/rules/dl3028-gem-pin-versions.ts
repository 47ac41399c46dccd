// DL3028: `gem install name` takes whatever version is newest at build time; pin it with `name:version`.
import type { ShellCommand } from '../dockerfile/shell.js';
import { argValues, cmdHasArgs, cmdHasPrefixArg, hasArg } from '../dockerfile/shell.js';
import { commandsOf, runs } from './helpers.js';
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';

// The gems a `gem install` names. As hadolint: anything after `--` goes to the gem's build, and an option
// takes the next word as its value (so `--no-document rails` hides rails, a kept hadolint quirk).
function gems(cmd: ShellCommand): string[] {
  if (!cmdHasArgs(cmd, 'gem', ['install', 'i'])) return [];
  if (hasArg(cmd, '-v') || hasArg(cmd, '--version') || cmdHasPrefixArg(cmd, 'gem', '--version=')) return [];
  const words = argValues(cmd);
  const end = words.indexOf('--');
  const out: string[] = [];
  const upto = end < 0 ? words : words.slice(0, end);
  for (let i = 0; i < upto.length; i++) {
    const w = upto[i] ?? '';
    if (w.startsWith('-')) i++;
    else if (w !== 'install' && w !== 'i') out.push(w);
  }
  return out;
}

export const dl3028: Rule = {
  id: 'DL3028',
  title: 'Pin versions in gem install',
  category: 'correctness',
  severity: 'warning',
  origin: 'hadolint',
  fixable: false,
  check(df) {
    return runs(df).flatMap((ins) => {
      const loose = commandsOf(ins).flatMap(gems).filter((g) => !g.includes(':'));
      if (loose.length === 0) return [];
      return [findingAt(dl3028, ins, `pin gem versions: gem install ${loose.map((g) => `${g}:<version>`).join(' ')}`)];
    });
  },
};
