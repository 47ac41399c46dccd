// DL3041: `dnf install name` takes whatever version is newest at build time; pin it with `name-version`.
import type { ShellCommand } from '../dockerfile/shell.js';
import { cmdHasArgs } from '../dockerfile/shell.js';
import { describePins, checkRpmPins, rpmInstallArgs, rpmPinned } from './dl3033-yum-pin-versions.js';
import type { RpmPins } from './dl3033-yum-pin-versions.js';
import { checkWithTriggers } from './helpers.js';
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';

const DNF = ['dnf', 'microdnf'];

// Groups (`dnf group install "Development Tools"`) have no versions; modules are pinned by stream.
function judgeDnf(cmds: readonly ShellCommand[], referencedIn: (text: string) => boolean): RpmPins {
  return {
    loose: cmds
      .filter((c) => !cmdHasArgs(c, DNF, ['module', 'group']))
      .flatMap((c) => rpmInstallArgs(c, DNF))
      .filter((p) => !rpmPinned(p, referencedIn)),
    looseModules: cmds
      .filter((c) => cmdHasArgs(c, DNF, ['module']))
      .flatMap((c) => rpmInstallArgs(c, DNF))
      .filter((m) => !m.includes(':')),
  };
}

export const dl3041: Rule = {
  id: 'DL3041',
  title: 'Pin versions in dnf install',
  category: 'correctness',
  severity: 'warning',
  origin: 'hadolint',
  fixable: false,
  check(df) {
    return checkWithTriggers(df.instructions, (list) =>
      checkRpmPins(list, judgeDnf, (ins, pins) => findingAt(dl3041, ins, describePins('dnf', pins))));
  },
};
