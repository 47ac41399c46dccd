// DL3019: `apk add --no-cache` fetches a fresh index and keeps none of it, so no cleanup step is needed.
import { cmdHasArgs, hasFlag } from '../dockerfile/shell.js';
import { commandsOf, insertAfterArg, runs } from './helpers.js';
import type { Rule, TextEdit } from './rule.js';
import { findingAt } from './rule.js';

const APK_CACHE = '/var/cache/apk';

export const dl3019: Rule = {
  id: 'DL3019',
  title: 'Use apk add --no-cache',
  category: 'size',
  severity: 'info',
  origin: 'hadolint',
  fixable: true,
  check(df) {
    return runs(df).flatMap((run) => {
      // A cache or tmpfs mount over the apk cache keeps it out of the layer already.
      if ((run.run?.cacheMountTargets ?? []).some((t) => t.includes(APK_CACHE))) return [];
      const caching = commandsOf(run).filter((c) => cmdHasArgs(c, 'apk', ['add']) && !hasFlag(c, 'no-cache'));
      if (caching.length === 0) return [];
      const edits = caching.map((c) => {
        const add = c.args.find((a) => a.value === 'add');
        return add === undefined ? null : insertAfterArg(df, run, c, add.index, ' --no-cache');
      });
      const fix = edits.every((e): e is TextEdit => e !== null) ? { fix: edits } : {};
      return [findingAt(dl3019, run, `apk add keeps its index in ${APK_CACHE}: use --no-cache instead of --update and cleanup`, fix)];
    });
  },
};
