// DL3027: `apt` is an interactive front end whose output and flags may change; scripts should use apt-get.
import { commandsOf, runs } from './helpers.js';
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';

export const dl3027: Rule = {
  id: 'DL3027',
  title: 'Do not use apt; use apt-get or apt-cache',
  category: 'correctness',
  severity: 'warning',
  origin: 'hadolint',
  fixable: false,
  check(df) {
    return runs(df)
      .filter((ins) => commandsOf(ins).some((c) => c.name === 'apt'))
      .map((ins) => findingAt(dl3027, ins, 'apt is meant for people at a terminal; use apt-get or apt-cache in a Dockerfile'));
  },
};
