// InvalidDefaultArgInFrom (BuildKit): with no --build-arg given, the global ARG defaults leave FROM without a valid image name.
import { expandWord, globalScope, isValidImageRef } from './buildkit-words.js';
import type { Finding, Rule } from './rule.js';
import { findingAt } from './rule.js';

export const invalidDefaultArgInFrom: Rule = {
  id: 'InvalidDefaultArgInFrom',
  title: 'Default value for global ARG results in an empty or invalid base image name',
  category: 'correctness',
  severity: 'warning',
  origin: 'buildkit',
  fixable: false,
  check(df, ctx) {
    // BuildKit judges the defaults alone: a build must not need --build-arg to name its base images.
    const scope = globalScope(df, ctx, false);
    if (scope.error !== null) return [];
    const out: Finding[] = [];
    for (const stage of df.stages) {
      const image = stage.from.from?.image ?? '';
      const r = expandWord(image, scope.env, df.directives.escape);
      // An expansion error fails the build anyway; BuildKit then stops checking.
      if (r.error !== null) return out;
      if (!isValidImageRef(r.result)) {
        out.push(findingAt(invalidDefaultArgInFrom, stage.from, `Default value for ARG ${image} results in empty or invalid base image name`));
      }
    }
    return out;
  },
};
