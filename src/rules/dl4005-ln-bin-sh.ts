// DL4005: relinking /bin/sh changes the shell behind every later RUN without saying so; SHELL says it openly.
import { cmdHasArgs } from '../dockerfile/shell.js';
import { commandsOf, runs } from './helpers.js';
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';

export const dl4005: Rule = {
  id: 'DL4005',
  title: 'Use SHELL to change the default shell',
  category: 'correctness',
  severity: 'warning',
  origin: 'hadolint',
  fixable: false,
  check(df) {
    return runs(df)
      .filter((ins) => commandsOf(ins).some((c) => cmdHasArgs(c, 'ln', ['/bin/sh'])))
      .map((ins) => findingAt(dl4005, ins, 'use SHELL to change the default shell instead of linking over /bin/sh'));
  },
};
