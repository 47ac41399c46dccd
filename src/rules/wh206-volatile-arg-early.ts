// WH206: an ARG whose value changes on every build (commit, date, version) invalidates the cache of every RUN after its declaration.
import type { ShellCommand } from '../dockerfile/shell.js';
import { argsNoFlags, cmdHasArgs, isPipInstall } from '../dockerfile/shell.js';
import { commandsOf } from './helpers.js';
import type { Finding, Rule } from './rule.js';
import { findingAt } from './rule.js';
import { references } from './wh112-unused-arg.js';
import { isDependencyInstall } from './wh200-copy-all-before-install.js';

const VOLATILE = /^(BUILD_?(DATE|TIME|TIMESTAMP|ID|NUMBER|VERSION)|(GIT_)?(COMMIT|SHA|HASH|REVISION)(_?(SHA|HASH|ID))?|GIT_(REF|BRANCH|TAG)|VCS_REF|SOURCE_COMMIT|(APP_|RELEASE_|IMAGE_)?VERSION|CACHE_?BUST(ER)?|CACHE_?DATE|CI_COMMIT_\w+|GITHUB_SHA|TIMESTAMP|DATE)$/i;

// Steps worth keeping cached: package and dependency installs, and compiles.
function expensive(c: ShellCommand): boolean {
  const first = argsNoFlags(c)[0] ?? '';
  return isDependencyInstall(c) || isPipInstall(c) ||
    cmdHasArgs(c, ['apt-get', 'apt', 'yum', 'dnf', 'microdnf', 'zypper'], ['install']) || cmdHasArgs(c, 'apk', ['add']) ||
    (c.name === 'go' && first === 'build') || (c.name === 'cargo' && first === 'build') || ['make', 'cmake', 'gradle', './gradlew'].includes(c.name) ||
    (['npm', 'yarn', 'pnpm'].includes(c.name) && argsNoFlags(c).join(' ').startsWith('run build'));
}

export const wh206: Rule = {
  id: 'WH206',
  title: 'Declare per-build ARGs after the expensive steps',
  category: 'cache',
  severity: 'warning',
  origin: 'whittle',
  fixable: false,
  check(df) {
    const out: Finding[] = [];
    for (const stage of df.stages) {
      stage.instructions.forEach((ins, i) => {
        if (ins.keyword !== 'ARG') return;
        const after = stage.instructions.slice(i + 1);
        for (const pair of (ins.pairs ?? []).filter((p) => VOLATILE.test(p.key))) {
          // Only the expensive steps before its first use could have kept their cache had it been declared later.
          const use = after.findIndex((a) => references(df, a, pair.key));
          const early = (use < 0 ? after : after.slice(0, use)).filter((r) => commandsOf(r).some(expensive));
          const first = early[0];
          if (first === undefined) continue;
          const reruns = after.filter((r) => r.keyword === 'RUN').map((r) => r.span.line);
          out.push(findingAt(wh206, ins, `ARG ${pair.key} changes on every build and is declared before ` +
            `\`${commandsOf(first).find(expensive)?.text ?? ''}\` on line ${first.span.line}: declare it after the expensive steps, just before its first use`,
          { cacheImpact: `each new ${pair.key} re-runs every RUN after line ${ins.span.line} (line${reruns.length > 1 ? 's' : ''} ${reruns.join(', ')})` }));
        }
      });
    }
    return out;
  },
};
