// MaintainerDeprecated (BuildKit): MAINTAINER is deprecated; a label carries the author where tools look for it.
import { withKeyword } from './helpers.js';
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';

export const maintainerDeprecated: Rule = {
  id: 'MaintainerDeprecated',
  title: 'The MAINTAINER instruction is deprecated, use a label instead to define an image author',
  category: 'style',
  severity: 'warning',
  origin: 'buildkit',
  aliases: ['DL4000'],
  fixable: false,
  check(df) {
    return withKeyword(df, 'MAINTAINER', { triggers: false })
      .map((ins) => findingAt(maintainerDeprecated, ins, 'Maintainer instruction is deprecated in favor of using label'));
  },
};
