// DL4006: without `set -o pipefail`, `curl ... | tar x` succeeds when the download fails, and the build goes on.
import type { Dockerfile, Instruction } from '../dockerfile/model.js';
import { basename, hasFlag, hasArg, parseShell } from '../dockerfile/shell.js';
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';

const NON_POSIX = ['pwsh', 'powershell', 'cmd'];

// Whether RUNs under this shell are safe with pipes: a non-POSIX shell (pipes mean something else there), or
// bash/zsh/ash started with `-o pipefail`.
function pipefailSafe(shellText: string): boolean {
  if (NON_POSIX.some((s) => shellText.startsWith(s))) return true;
  return parseShell(shellText).commands.some(
    (c) => ['bash', 'zsh', 'ash'].includes(basename(c.name)) && hasFlag(c, 'o') && hasArg(c, 'pipefail'),
  );
}

function shellText(ins: Instruction): string {
  return ins.json !== null ? ins.json.join(' ') : ins.args;
}

function inherited(df: Dockerfile, from: Instruction): boolean {
  // disagrees with hadolint: it forgets the SHELL at every FROM, but a stage built on an earlier stage keeps
  // that stage's SHELL (it is part of the image config), so we start from it.
  const parent = from.from?.parentStage;
  const shell = parent === null || parent === undefined ? undefined : df.stages[parent]?.shell;
  return shell !== undefined && pipefailSafe(shell.join(' '));
}

export const dl4006: Rule = {
  id: 'DL4006',
  title: 'Set `-o pipefail` before RUN with a pipe',
  category: 'correctness',
  severity: 'warning',
  origin: 'hadolint',
  fixable: false,
  check(df) {
    let safe = false;
    const flagged: Instruction[] = [];
    // Top-level RUNs only, as in hadolint: an ONBUILD RUN runs under the child image's SHELL.
    for (const ins of df.instructions) {
      if (ins.keyword === 'FROM') safe = inherited(df, ins);
      else if (ins.keyword === 'SHELL') safe = pipefailSafe(shellText(ins));
      else if (ins.keyword === 'RUN' && !safe && (ins.run?.script.pipes ?? 0) > 0) flagged.push(ins);
    }
    return flagged.map((ins) => findingAt(dl4006, ins,
      'set `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before a RUN with a pipe, or a failure before the last command goes unnoticed (on Alpine/BusyBox use /bin/ash)'));
  },
};
