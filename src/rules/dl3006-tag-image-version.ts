// DL3006: an untagged FROM means `latest`, whatever that is on the day of the build.
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';

export const dl3006: Rule = {
  id: 'DL3006',
  title: 'Tag the version of base images explicitly',
  category: 'correctness',
  severity: 'warning',
  origin: 'hadolint',
  fixable: false,
  check(df) {
    return df.stages.flatMap(({ from: ins }) => {
      const from = ins.from;
      if (from === undefined || from.tag !== null || from.digest !== null) return [];
      // `scratch` has no versions; a variable may carry a tag; an earlier stage is pinned by its own FROM.
      if (from.name === 'scratch' || from.name.startsWith('$') || from.image.startsWith('$') || from.parentStage !== null) return [];
      return [findingAt(dl3006, ins, `Tag the image explicitly (\`${from.image}:<version>\`): untagged means whatever \`latest\` is today`)];
    });
  },
};
