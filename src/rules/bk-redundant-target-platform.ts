// RedundantTargetPlatform (BuildKit): `FROM --platform=$TARGETPLATFORM` asks for what the builder does anyway.
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';

// The platform must come out as exactly $TARGETPLATFORM's value, which is always set: a bare reference, or one
// with a default that never applies.
const ONLY_TARGETPLATFORM = /^\$(?:TARGETPLATFORM|\{TARGETPLATFORM(?::?-[^}]*)?\})$/;

export const redundantTargetPlatform: Rule = {
  id: 'RedundantTargetPlatform',
  title: 'Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior',
  category: 'style',
  severity: 'warning',
  origin: 'buildkit',
  aliases: ['DL3065'],
  fixable: false,
  check(df) {
    return df.instructions
      .filter((ins) => ins.keyword === 'FROM' && ONLY_TARGETPLATFORM.test(ins.from?.platform ?? ''))
      .map((ins) => findingAt(redundantTargetPlatform, ins, `Setting platform to predefined ${ins.from?.platform ?? ''} in FROM is redundant as this is the default behavior`));
  },
};
