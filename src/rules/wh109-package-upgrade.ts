// WH109: upgrading every package inside a build copies the base's changed files into a new layer and makes builds unrepeatable.
import type { ShellCommand } from '../dockerfile/shell.js';
import { argsNoFlags } from '../dockerfile/shell.js';
import { commandsOf, shippedInstructions } from './helpers.js';
import type { Finding, Rule } from './rule.js';
import { findingAt } from './rule.js';

const UPGRADES: Readonly<Record<string, readonly string[]>> = {
  'apt-get': ['upgrade', 'dist-upgrade'],
  apt: ['upgrade', 'full-upgrade', 'dist-upgrade'],
  aptitude: ['upgrade', 'safe-upgrade', 'full-upgrade'],
  apk: ['upgrade'],
  yum: ['update', 'upgrade'],
  dnf: ['update', 'upgrade', 'distro-sync'],
  microdnf: ['update', 'upgrade'],
  zypper: ['update', 'up', 'dist-upgrade', 'dup'],
};

// `yum update openssl` upgrades one named package, a deliberate fix; only whole-system upgrades are flagged.
function upgradesEverything(c: ShellCommand): boolean {
  const [sub, ...rest] = argsNoFlags(c);
  const subs = UPGRADES[c.name];
  if (subs === undefined || sub === undefined || !subs.includes(sub)) return false;
  return c.name === 'apt-get' || c.name === 'apt' || c.name === 'aptitude' || rest.length === 0;
}

export const wh109: Rule = {
  id: 'WH109',
  title: 'Do not upgrade all packages during the build',
  category: 'size',
  severity: 'warning',
  origin: 'whittle',
  // hadolint's DL3035 says the same of `zypper dist-upgrade`; on that line the two are one finding.
  aliases: ['DL3035'],
  fixable: false,
  check(df) {
    const out: Finding[] = [];
    for (const run of shippedInstructions(df).filter((i) => i.keyword === 'RUN')) {
      const cmd = commandsOf(run).find(upgradesEverything);
      if (cmd === undefined) continue;
      out.push(findingAt(wh109, run, `\`${cmd.text}\` rewrites every upgraded file of the base into a new layer and pulls whatever ` +
        'versions are current on the day of the build: use a newer base image (or rebuild it) instead'));
    }
    return out;
  },
};
