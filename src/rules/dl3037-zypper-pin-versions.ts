// DL3037: `zypper install name` takes whatever version is newest at build time; pin it.
import { argsNoFlags, cmdHasArgs } from '../dockerfile/shell.js';
import { commandsOf, runs } from './helpers.js';
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';

// `name=1.2`, a range (`name>=1.2`, `name<2`) or a local .rpm file all fix the version.
function pinned(pkg: string): boolean {
  return pkg.includes('=') || pkg.includes('>') || pkg.includes('<') || pkg.endsWith('.rpm');
}

export const dl3037: Rule = {
  id: 'DL3037',
  title: 'Pin versions in zypper install',
  category: 'correctness',
  severity: 'warning',
  origin: 'hadolint',
  fixable: false,
  check(df) {
    return runs(df).flatMap((ins) => {
      const loose = commandsOf(ins)
        .filter((c) => cmdHasArgs(c, 'zypper', ['install', 'in']))
        .flatMap((c) => argsNoFlags(c).filter((a) => a !== 'install' && a !== 'in'))
        .filter((p) => !pinned(p));
      if (loose.length === 0) return [];
      return [findingAt(dl3037, ins, `pin package versions in zypper install: ${loose.map((p) => `${p}=<version>`).join(' ')}`)];
    });
  },
};
