// WH102: `composer install` keeps its download cache in the layer unless told not to.
import type { Instruction } from '../dockerfile/model.js';
import type { ShellCommand } from '../dockerfile/shell.js';
import { argsNoFlags, basename, hasFlag } from '../dockerfile/shell.js';
import { appendToRun, commandsOf, mountsCacheOn, removesPath, shippedInstructions } from './helpers.js';
import type { Finding, Rule } from './rule.js';
import { findingAt } from './rule.js';
import { SIZE, formatEstimate } from './size-estimates.js';

// COMPOSER_HOME is ~/.composer (older) or ~/.config/composer; the official composer image sets it to /tmp.
const CACHE_DIRS = ['.composer/cache', '.cache/composer', '/tmp/cache', '/tmp/composer-cache'];
const WRITES = ['install', 'update', 'require', 'create-project', 'reinstall'];

// `composer ...`, `composer.phar ...` and `php composer.phar ...` all run composer.
function composerArgs(c: ShellCommand): string[] | null {
  if (basename(c.name) === 'composer' || basename(c.name) === 'composer.phar') return argsNoFlags(c);
  const args = argsNoFlags(c);
  return basename(c.name).startsWith('php') && basename(args[0] ?? '').startsWith('composer') ? args.slice(1) : null;
}

function clears(run: Instruction, env: string): boolean {
  if (/COMPOSER_CACHE_DIR=\/dev\/null/.test(env)) return true;
  const cmds = commandsOf(run);
  return CACHE_DIRS.some((d) => removesPath(run, d) || mountsCacheOn(run, d)) ||
    cmds.some((c) => ['clear-cache', 'clearcache', 'cc'].includes(composerArgs(c)?.[0] ?? '')) ||
    cmds.some((c) => c.assignments.some((a) => a.startsWith('COMPOSER_CACHE_DIR=')));
}

export const wh102: Rule = {
  id: 'WH102',
  title: 'Run composer with --no-cache or clear its cache',
  category: 'size',
  severity: 'info',
  origin: 'whittle',
  fixable: true,
  check(df) {
    const out: Finding[] = [];
    let env = '';
    for (const ins of shippedInstructions(df)) {
      if (ins.keyword === 'ENV') env += ` ${ins.args}`;
      if (ins.keyword !== 'RUN') continue;
      // Look for a composer install first: most RUNs have none, and the cleanup checks are the costly part.
      const install = commandsOf(ins).find((c) => WRITES.includes(composerArgs(c)?.[0] ?? '') && !hasFlag(c, 'no-cache'));
      if (install === undefined || clears(ins, env)) continue;
      const fix = basename(install.name).startsWith('composer') ? appendToRun(df, ins, `${install.name} clear-cache`) : null;
      out.push(findingAt(wh102, ins, `\`${install.text}\` leaves composer's download cache in this layer (est. ${formatEstimate(SIZE.composerCache.bytes)}): ` +
        'add `--no-cache` or run `composer clear-cache` in this RUN', { bytes: SIZE.composerCache.bytes, ...(fix ? { fix: [fix] } : {}) }));
    }
    return out;
  },
};
