// DL3067: `COPY --from=stage / /` drags the whole other filesystem into this layer, /proc and caches included.
import { withKeyword } from './helpers.js';
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';

const isRoot = (path: string): boolean => path.replace(/^["']+|["']+$/g, '') === '/';

export const dl3067: Rule = {
  id: 'DL3067',
  title: 'Do not copy an entire filesystem from another stage',
  category: 'size',
  severity: 'warning',
  origin: 'hadolint',
  fixable: false,
  check(df) {
    return withKeyword(df, 'COPY', { triggers: false })
      .filter((ins) => ins.copy?.from != null && ins.copy.sources.some(isRoot) && isRoot(ins.copy.destination ?? ''))
      .map((ins) => findingAt(dl3067, ins, `copying / from "${ins.copy?.from ?? ''}" to / brings in its entire filesystem: copy only what you need`));
  },
};
