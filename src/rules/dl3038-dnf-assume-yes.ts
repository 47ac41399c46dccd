// DL3038: `dnf install` without -y stops at a prompt that no one answers during a build.
import { cmdHasArgs, hasAnyFlag } from '../dockerfile/shell.js';
import { commandsOf, insertAfterArg, runs } from './helpers.js';
import type { Rule, TextEdit } from './rule.js';
import { findingAt } from './rule.js';

const DNF = ['dnf', 'microdnf'];
const INSTALLS = ['install', 'groupinstall', 'localinstall'];

export const dl3038: Rule = {
  id: 'DL3038',
  title: 'Use the -y switch with dnf install',
  category: 'correctness',
  severity: 'warning',
  origin: 'hadolint',
  fixable: true,
  check(df) {
    return runs(df).flatMap((ins) => {
      const bare = commandsOf(ins).filter((c) => cmdHasArgs(c, DNF, INSTALLS) && !hasAnyFlag(c, ['y', 'assumeyes']));
      if (bare.length === 0) return [];
      const fix = bare.flatMap((c): TextEdit[] => {
        const sub = c.args.find((a) => INSTALLS.includes(a.value));
        const edit = sub === undefined ? null : insertAfterArg(df, ins, c, sub.index, ' -y');
        return edit === null ? [] : [edit];
      });
      return [findingAt(dl3038, ins, 'add -y to dnf install so the build never waits for an answer', fix.length ? { fix } : {})];
    });
  },
};
