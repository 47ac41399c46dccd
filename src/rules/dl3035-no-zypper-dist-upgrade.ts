// DL3035: `zypper dist-upgrade` moves the whole base image to other package versions; pick a newer base instead.
import { cmdHasArgs } from '../dockerfile/shell.js';
import { commandsOf, runs } from './helpers.js';
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';

export const dl3035: Rule = {
  id: 'DL3035',
  title: 'Do not use zypper dist-upgrade',
  category: 'correctness',
  severity: 'warning',
  origin: 'hadolint',
  fixable: false,
  check(df) {
    return runs(df)
      .filter((ins) => commandsOf(ins).some((c) => cmdHasArgs(c, 'zypper', ['dist-upgrade', 'dup'])))
      .map((ins) => findingAt(dl3035, ins, 'do not run zypper dist-upgrade in a build; use a newer base image'));
  },
};
