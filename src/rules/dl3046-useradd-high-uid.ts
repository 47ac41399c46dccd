// DL3046: `useradd` with a large UID and no `-l` writes a huge sparse /var/log/lastlog and faillog into the layer.
import type { Instruction } from '../dockerfile/model.js';
import type { ShellCommand } from '../dockerfile/shell.js';
import { flagArgs, hasAnyFlag } from '../dockerfile/shell.js';
import { commandsOf, runs } from './helpers.js';
import type { Rule, TextEdit } from './rule.js';
import { findingAt } from './rule.js';

function bloatsLogs(cmd: ShellCommand): boolean {
  // Like hadolint, only a `-u` value is measured (a `--uid` value is not); six digits or more is "large".
  return (
    cmd.name === 'useradd' &&
    !hasAnyFlag(cmd, ['l', 'no-log-init']) &&
    hasAnyFlag(cmd, ['u', 'uid']) &&
    flagArgs(cmd, 'u').some((uid) => uid.length > 5)
  );
}

// Insert `-l` after `useradd` when the text of a shell-form RUN names it once, as a plain word: with two
// mentions (or a quoted one) we cannot tell which is the command.
function addNoLogInit(ins: Instruction): TextEdit[] | undefined {
  if (ins.json !== null || ins.rawArgs.split('useradd').length !== 2) return undefined;
  const words = [...ins.rawArgs.matchAll(/(?<![^\s;&|(`])useradd(?=\s)/g)];
  const only = words.length === 1 ? words[0] : undefined;
  if (only === undefined) return undefined;
  const at = ins.argsStart + only.index + 'useradd'.length;
  return [{ start: at, end: at, text: ' -l' }];
}

export const dl3046: Rule = {
  id: 'DL3046',
  title: 'Use `useradd -l` with a high UID',
  category: 'size',
  severity: 'warning',
  origin: 'hadolint',
  fixable: true,
  check(df) {
    return runs(df)
      .filter((ins) => commandsOf(ins).some(bloatsLogs))
      .map((ins) => {
        const fix = addNoLogInit(ins);
        return findingAt(dl3046, ins, '`useradd` with a high UID and no `-l` (`--no-log-init`) bloats the image with sparse log files', fix ? { fix } : {});
      });
  },
};
