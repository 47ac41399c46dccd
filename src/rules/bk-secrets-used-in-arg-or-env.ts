// SecretsUsedInArgOrEnv (BuildKit): an ARG or ENV whose name says it holds a secret, which the image would keep.
import { splitArg, splitPairs } from './buildkit-words.js';
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';
import { looksSecret } from './secret-patterns.js';

export { looksSecret };

export const secretsUsedInArgOrEnv: Rule = {
  id: 'SecretsUsedInArgOrEnv',
  title: 'Sensitive data should not be used in the ARG or ENV commands',
  category: 'security',
  severity: 'warning',
  origin: 'buildkit',
  aliases: ['DL3064'],
  fixable: false,
  check(df) {
    const escape = df.directives.escape;
    // Only stage instructions: BuildKit does not check global ARGs, which never reach the image.
    return df.stages
      .flatMap((s) => s.instructions)
      .filter((ins) => ins.keyword === 'ARG' || ins.keyword === 'ENV')
      .flatMap((ins) =>
        (ins.keyword === 'ARG' ? splitArg(ins, escape) : splitPairs(ins, escape))
          .filter((p) => looksSecret(p.key))
          .map((p) => findingAt(secretsUsedInArgOrEnv, ins, `Do not use ARG or ENV instructions for sensitive data (${ins.keyword} "${p.key}")`)),
      );
  },
};
