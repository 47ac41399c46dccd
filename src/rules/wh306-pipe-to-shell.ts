// WH306: `curl ... | sh` runs whatever the server sends, unread and unverified, as the build user.
import type { Instruction } from '../dockerfile/model.js';
import type { ShellCommand } from '../dockerfile/shell.js';
import { basename } from '../dockerfile/shell.js';
import { commandsOf, runs } from './helpers.js';
import type { Finding, Rule } from './rule.js';
import { findingAt } from './rule.js';

const FETCHERS = new Set(['curl', 'wget']);
const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'python', 'python3', 'perl', 'ruby', 'node']);
// Commands that run their first operand: `sudo bash`, `env -i sh`.
const WRAPPERS = new Set(['sudo', 'env', 'exec', 'doas', 'su-exec', 'gosu']);

/** The interpreter a command runs, looking through `sudo`/`env` wrappers. */
function interpreter(cmd: ShellCommand): string | null {
  const name = basename(cmd.name);
  if (SHELLS.has(name)) return name;
  if (!WRAPPERS.has(name)) return null;
  const first = cmd.args.find((a) => !a.value.startsWith('-') && !a.value.includes('='));
  const inner = first === undefined ? '' : basename(first.value);
  return SHELLS.has(inner) ? inner : null;
}

function check(ins: Instruction): Finding[] {
  const cmds = commandsOf(ins);
  const found: Finding[] = [];
  for (const fetch of cmds) {
    if (!FETCHERS.has(basename(fetch.name)) || fetch.pipe === undefined) continue;
    const { start, position } = fetch.pipe;
    const sink = cmds.find((c) => c.pipe?.start === start && c.pipe.position > position && interpreter(c) !== null);
    if (sink === undefined) continue;
    found.push(findingAt(wh306, ins, `${basename(fetch.name)} output is piped into ${interpreter(sink) ?? 'a shell'}: ` +
      'download the script to a file, check its sha256, then run it'));
  }
  // `sh -c "$(curl ...)"` and `bash <(curl ...)` do the same without a pipe.
  for (const cmd of cmds) {
    const shell = interpreter(cmd);
    if (shell === null) continue;
    const fetched = cmd.args.find((a) => /(?:\$\(|<\(|`)\s*(?:\S*\/)?(?:curl|wget)\s/.test(a.raw));
    if (fetched === undefined) continue;
    found.push(findingAt(wh306, ins, `${shell} runs a script fetched with ${/wget/.test(fetched.raw) ? 'wget' : 'curl'}: ` +
      'download it to a file, check its sha256, then run it'));
  }
  return found;
}

export const wh306: Rule = {
  id: 'WH306',
  title: 'Do not pipe downloads into a shell',
  category: 'security',
  severity: 'warning',
  origin: 'whittle',
  fixable: false,
  check(df) {
    return runs(df).flatMap(check);
  },
};
