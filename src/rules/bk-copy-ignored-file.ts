// CopyIgnoredFile (BuildKit): COPY or ADD names a context file that .dockerignore keeps out of the build.
import { cleanPath } from '../context/dockerignore.js';
import type { Instruction } from '../dockerfile/model.js';
import { expandWord, splitWords, walkStages } from './buildkit-words.js';
import type { DockerignoreRules, Finding, Rule } from './rule.js';
import { findingAt } from './rule.js';

const REMOTE = /^(?:https?:\/\/|git@|git:\/\/)/;

// `COPY . .` only counts as ignored when a pattern leaves out everything at the root.
function rootIgnored(rules: DockerignoreRules): boolean {
  return rules.patterns.some((p) => !p.exclusion && (p.text === '*' || p.text === '**' || p.text === '**/*'));
}

function sourceWords(ins: Instruction, escape: string): string[] {
  const words = ins.json ?? (ins.heredocs.length > 0 ? ins.words.filter((w) => !w.startsWith('<<')) : splitWords(ins.args, escape));
  return words.slice(0, -1);
}

export const copyIgnoredFile: Rule = {
  id: 'CopyIgnoredFile',
  title: 'Attempting to Copy file that is excluded by .dockerignore',
  category: 'correctness',
  // BuildKit promoted it out of experimental (moby/buildkit 4187c344c, January 2026): on by default.
  severity: 'warning',
  origin: 'buildkit',
  fixable: false,
  check(df, ctx) {
    const rules = ctx.dockerignore ?? null;
    // With `!` exceptions BuildKit cannot tell statically whether a path survives, so it stays silent.
    if (rules === null || rules.hasExclusions) return [];
    const out: Finding[] = [];
    walkStages(df, ctx, {
      instruction(ins, scope) {
        if (ins.keyword !== 'COPY' && ins.keyword !== 'ADD') return;
        if (ins.copy?.from != null) return;
        const verb = ins.keyword === 'ADD' ? 'Add' : 'Copy';
        for (const word of sourceWords(ins, df.directives.escape)) {
          const r = expandWord(word, scope.env, df.directives.escape);
          if (r.error !== null || (ins.keyword === 'ADD' && REMOTE.test(r.result))) continue;
          const src = cleanPath(r.result);
          if ((src === '.' || src === '/') && !rootIgnored(rules)) continue;
          if (rules.ignores(src)) out.push(findingAt(copyIgnoredFile, ins, `Attempting to ${verb} file "${src}" that is excluded by .dockerignore`));
        }
      },
    });
    return out;
  },
};
