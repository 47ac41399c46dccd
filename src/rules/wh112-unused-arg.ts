// WH112: an ARG nothing reads is noise, and a changed value still invalidates the cache of every RUN after it.
import type { Dockerfile, Instruction, KeyValue } from '../dockerfile/model.js';
import { commandsOf, stageChain } from './helpers.js';
import type { Finding, Rule } from './rule.js';
import { findingAt } from './rule.js';

// Names that tools read from the environment on their own: RUN sees every ARG as an environment variable.
const IMPLICIT = /^(DEBIAN_FRONTEND|(NODE|RAILS|RACK|MIX|APP)_ENV|NODE_OPTIONS|CGO_ENABLED|GO[A-Z0-9_]*|PIP_\w+|NPM_CONFIG_\w+|YARN_\w+|PYTHON\w+|UV_\w+|POETRY_\w+|COMPOSER_\w+|MAVEN_\w+|GRADLE_\w+|JAVA_TOOL_OPTIONS|CARGO_\w+|RUSTFLAGS|CC|CXX|CFLAGS|CXXFLAGS|LDFLAGS|MAKEFLAGS|(HTTPS?|FTP|NO|ALL)_PROXY|SOURCE_DATE_EPOCH|BUILDKIT_\w+|TZ|LANG|LC_\w+)$/i;

/** Whether the instruction (flags included) refers to `$name` or `${name...}`. */
export function references(df: Dockerfile, ins: Instruction, name: string): boolean {
  const text = df.source.slice(ins.span.start, ins.span.end);
  return new RegExp(`\\$(\\{${name}(?=[}:#%/^,-])|${name}(?![A-Za-z0-9_]))`).test(text);
}

// A script or makefile run after the ARG may read it from the environment, which a Dockerfile cannot show.
function runsScript(ins: Instruction): boolean {
  return commandsOf(ins).some((c) => c.name === 'make' || c.name.startsWith('./') || c.name.endsWith('.sh') ||
    (['sh', 'bash'].includes(c.name) && c.args.some((a) => a.value.endsWith('.sh'))));
}

function unused(rule: Rule, ins: Instruction, pair: KeyValue, scope: string): Finding {
  return findingAt(rule, ins, `ARG ${pair.key} is declared but never used ${scope}: remove it (a new value still re-runs every RUN after it)`);
}

export const wh112: Rule = {
  id: 'WH112',
  title: 'Remove unused ARGs',
  category: 'cache',
  severity: 'info',
  origin: 'whittle',
  fixable: false,
  check(df) {
    const out: Finding[] = [];
    const froms = df.stages.map((s) => s.from);
    const stageArgs = df.stages.flatMap((s) => s.instructions.filter((i) => i.keyword === 'ARG'));
    for (const ins of df.globalArgs) {
      for (const pair of ins.pairs ?? []) {
        const redeclared = stageArgs.some((a) => (a.pairs ?? []).some((p) => p.key === pair.key));
        if (!redeclared && !froms.some((f) => references(df, f, pair.key))) out.push(unused(wh112, ins, pair, 'in any FROM or stage'));
      }
    }
    for (const stage of df.stages) {
      // Later stages built FROM this one are read too, so a doubtful inheritance never yields a false report.
      const scope = df.stages.filter((s) => stageChain(df, s.index).includes(stage)).flatMap((s) => s.instructions);
      stage.instructions.forEach((ins) => {
        if (ins.keyword !== 'ARG') return;
        const after = scope.slice(scope.indexOf(ins) + 1);
        for (const pair of ins.pairs ?? []) {
          if (IMPLICIT.test(pair.key) || after.some((a) => references(df, a, pair.key) || runsScript(a))) continue;
          out.push(unused(wh112, ins, pair, 'in its stage'));
        }
      });
    }
    return out;
  },
};
