// DL3029: a fixed `FROM --platform` pins a stage to one architecture and breaks multi-platform builds.
import { withKeyword } from './helpers.js';
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';

export const dl3029: Rule = {
  id: 'DL3029',
  title: 'Do not use --platform flag with FROM',
  category: 'correctness',
  severity: 'warning',
  origin: 'hadolint',
  fixable: false,
  check(df) {
    // The build's own platform variables keep a build multi-platform, so they are fine.
    return withKeyword(df, 'FROM', { triggers: false })
      .filter((ins) => {
        const p = ins.from?.platform;
        return p != null && !p.includes('BUILDPLATFORM') && !p.includes('TARGETPLATFORM');
      })
      .map((ins) => findingAt(dl3029, ins, `FROM --platform=${ins.from?.platform ?? ''} fixes the platform; use $BUILDPLATFORM or $TARGETPLATFORM, or leave it out`));
  },
};
