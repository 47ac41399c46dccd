// UndefinedVar (BuildKit): a variable used in an instruction BuildKit expands, before any ARG or ENV defines it.
import type { Dockerfile, Instruction } from '../dockerfile/model.js';
import { NON_ENV_ARGS, suggestName, walkStages } from './buildkit-words.js';
import type { Finding, Rule, RuleContext } from './rule.js';
import { findingAt } from './rule.js';

export interface AssumedVariable {
  readonly name: string;
  readonly line: number;
  /** The base image that could not be read, which may define it. */
  readonly image: string;
}

interface Verdicts {
  readonly undefinedVars: { ins: Instruction; name: string; suggestion: string | null }[];
  readonly assumed: AssumedVariable[];
}

function verdicts(df: Dockerfile, ctx: RuleContext): Verdicts {
  const out: Verdicts = { undefinedVars: [], assumed: [] };
  const seen = new Set<string>();
  walkStages(df, ctx, {
    expansion(ins, scope, word) {
      for (const name of word.unmatched) {
        if (scope.declared.has(name) || NON_ENV_ARGS.has(name)) continue;
        // One report per variable and instruction, though BuildKit repeats it for every word that uses it.
        const key = `${ins.span.start}:${name}`;
        if (seen.has(key)) continue;
        seen.add(key);
        if (scope.unreadBase !== null) out.assumed.push({ name, line: ins.span.line, image: scope.unreadBase });
        else out.undefinedVars.push({ ins, name, suggestion: suggestName(name, scope.env.keys()) });
      }
    },
  });
  return out;
}

/**
 * Variables UndefinedVar did not report because the stage's base image could not be read and may define
 * them: the CLI says so in a note rather than guessing.
 */
export function assumedFromBaseImages(df: Dockerfile, ctx: RuleContext): AssumedVariable[] {
  return verdicts(df, ctx).assumed;
}

export const undefinedVar: Rule = {
  id: 'UndefinedVar',
  title: 'Variables should be defined before their use',
  category: 'correctness',
  severity: 'warning',
  origin: 'buildkit',
  fixable: false,
  check(df, ctx): Finding[] {
    return verdicts(df, ctx).undefinedVars.map(({ ins, name, suggestion }) =>
      findingAt(undefinedVar, ins, `Usage of undefined variable '$${name}'${suggestion === null ? '' : ` (did you mean $${suggestion}?)`}`),
    );
  },
};
