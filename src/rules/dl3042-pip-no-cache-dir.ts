// DL3042: pip keeps every downloaded wheel in ~/.cache/pip, which then ships in the layer; --no-cache-dir avoids it.
import type { Dockerfile, Instruction } from '../dockerfile/model.js';
import type { ShellCommand } from '../dockerfile/shell.js';
import { argValues, containsSeq, hasArg, isPipInstall } from '../dockerfile/shell.js';
import { checkWithTriggers, commandsOf, insertAfterArg, stageFacts } from './helpers.js';
import type { Finding, Rule, TextEdit } from './rule.js';
import { findingAt } from './rule.js';

const TRUTHY = ['1', 'true', 'True', 'TRUE', 'on', 'On', 'ON', 'yes', 'Yes', 'YES'];

// pipx and pipenv manage their own caches and do not take pip's flag.
function isPipWrapper(cmd: ShellCommand): boolean {
  return ['pipx', 'pipenv'].some((w) => cmd.name.includes(w) || (cmd.name.startsWith('python') && containsSeq(argValues(cmd), ['-m', w])));
}

function forgetsNoCacheDir(cmd: ShellCommand): boolean {
  return isPipInstall(cmd) && !hasArg(cmd, '--no-cache-dir') && !isPipWrapper(cmd);
}

// As hadolint: the first `PIP_NO_CACHE_DIR=` anywhere in the script (`export`, an assignment) decides,
// and its value only has to start with a truthy word.
function scriptSetsNoCacheDir(script: string): boolean {
  const at = script.indexOf('PIP_NO_CACHE_DIR=');
  if (at < 0) return false;
  const value = script.slice(at + 'PIP_NO_CACHE_DIR='.length);
  return TRUTHY.some((t) => value.startsWith(t));
}

function fixFor(df: Dockerfile, ins: Instruction, cmds: readonly ShellCommand[]): TextEdit[] {
  return cmds.flatMap((c) => {
    const values = argValues(c);
    // The flag goes right after `install` (after `-m pip install` for python -m pip).
    const at = c.name.startsWith('pip') ? values.indexOf('install') : values.findIndex((v, i) => v === 'install' && values[i - 1] === 'pip');
    const arg = c.args[at];
    const edit = arg === undefined ? null : insertAfterArg(df, ins, c, arg.index, ' --no-cache-dir');
    return edit === null ? [] : [edit];
  });
}

function checkList(df: Dockerfile, list: readonly Instruction[]): Finding[] {
  const noCache = stageFacts();
  const found: Finding[] = [];
  for (const ins of list) {
    if (ins.keyword === 'FROM') noCache.enter(ins);
    else if (ins.keyword === 'ENV') {
      const value = (ins.pairs ?? []).find((p) => p.key === 'PIP_NO_CACHE_DIR')?.value;
      if (value != null && TRUTHY.includes(value)) noCache.set();
    } else if (ins.keyword === 'RUN' && ins.run) {
      if (noCache.holds() || scriptSetsNoCacheDir(ins.run.script.text)) continue;
      // A cache or tmpfs mount over pip's cache keeps it out of the layer.
      if (ins.run.cacheMountTargets.some((t) => t.includes('.cache/pip'))) continue;
      const bare = commandsOf(ins).filter(forgetsNoCacheDir);
      if (bare.length === 0) continue;
      const fix = fixFor(df, ins, bare);
      found.push(findingAt(dl3042, ins, 'use pip install --no-cache-dir so downloaded packages do not stay in the layer',
        fix.length ? { fix } : {}));
    }
  }
  return found;
}

export const dl3042: Rule = {
  id: 'DL3042',
  title: 'Avoid use of cache directory with pip',
  category: 'size',
  severity: 'warning',
  origin: 'hadolint',
  fixable: true,
  check(df) {
    return checkWithTriggers(df.instructions, (list) => checkList(df, list));
  },
};
