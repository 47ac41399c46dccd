// DL3034: zypper asks for confirmation unless told not to, which hangs or fails a build.
import { cmdHasArgs, hasAnyFlag } from '../dockerfile/shell.js';
import { commandsOf, runs } from './helpers.js';
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';

const ASKS = ['install', 'in', 'remove', 'rm', 'source-install', 'si', 'patch'];

export const dl3034: Rule = {
  id: 'DL3034',
  title: 'Non-interactive switch missing from zypper command',
  category: 'correctness',
  severity: 'warning',
  origin: 'hadolint',
  fixable: false,
  check(df) {
    return runs(df)
      .filter((ins) => commandsOf(ins).some((c) => cmdHasArgs(c, 'zypper', ASKS) && !hasAnyFlag(c, ['non-interactive', 'n', 'no-confirm', 'y'])))
      .map((ins) => findingAt(dl3034, ins, 'pass -n (--non-interactive) or -y to zypper so it never waits for an answer'));
  },
};
