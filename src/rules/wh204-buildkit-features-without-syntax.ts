// WH204: BuildKit-only syntax with no `# syntax=` line works or fails depending on the builder that happens to run it.
import type { Dockerfile, Instruction } from '../dockerfile/model.js';
import { instructions } from './helpers.js';
import type { Finding, Rule } from './rule.js';
import { findingAt } from './rule.js';

export interface FrontendVersion {
  readonly major: number;
  readonly minor: number;
}

/**
 * The docker/dockerfile frontend version a `# syntax=` directive asks for; `1` and the rolling `labs`,
 * `master` and `latest` tags count as the newest 1.x. Null for no directive or another frontend.
 */
export function dockerfileFrontend(df: Dockerfile): FrontendVersion | null {
  const m = /^(?:[\w.-]+(?::\d+)?\/)?docker\/dockerfile(?:-upstream)?:([\w.-]+)/.exec(df.directives.syntax ?? '');
  const tag = m?.[1];
  if (tag === undefined) return null;
  if (/^(labs|master|latest)$/.test(tag)) return { major: 1, minor: Infinity };
  if (tag === 'experimental') return { major: 1, minor: 2 }; // the pre-1.2 experimental channel had RUN --mount
  const v = /^(\d+)(?:\.(\d+))?/.exec(tag);
  if (v === null) return null;
  return { major: Number(v[1]), minor: v[2] === undefined ? Infinity : Number(v[2]) };
}

const ONLY_BUILDKIT: Readonly<Record<string, readonly string[]>> = {
  RUN: ['mount', 'network', 'security'],
  COPY: ['link', 'chmod', 'exclude', 'parents'],
  ADD: ['link', 'chmod', 'exclude', 'checksum', 'keep-git-dir'],
};

function features(ins: Instruction): string[] {
  const flags = ins.flags.map((f) => f.name).filter((n) => ONLY_BUILDKIT[ins.keyword]?.includes(n)).map((n) => `--${n}`);
  return [...new Set(flags), ...(ins.heredocs.length > 0 ? ['a heredoc'] : [])];
}

export const wh204: Rule = {
  id: 'WH204',
  title: 'Declare the Dockerfile syntax when using BuildKit features',
  category: 'correctness',
  severity: 'warning',
  origin: 'whittle',
  fixable: false,
  check(df) {
    if (df.directives.syntax !== null) return [];
    const out: Finding[] = [];
    for (const ins of instructions(df)) {
      const used = features(ins);
      if (used.length === 0) continue;
      out.push(findingAt(wh204, ins, `${ins.keyword} uses ${used.join(', ')}, which only BuildKit understands: add ` +
        '`# syntax=docker/dockerfile:1` as the first line so every builder fetches a frontend that has it'));
    }
    return out;
  },
};
