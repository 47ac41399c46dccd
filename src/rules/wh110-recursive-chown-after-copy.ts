// WH110: `chown -R`/`chmod -R` over files an earlier COPY added writes every one of them again into a new layer.
import type { Instruction } from '../dockerfile/model.js';
import type { ShellCommand } from '../dockerfile/shell.js';
import { argsNoFlags, hasAnyFlag } from '../dockerfile/shell.js';
import { commandsOf, shippedInstructions } from './helpers.js';
import type { Finding, Rule } from './rule.js';
import { findingAt } from './rule.js';

function resolve(dir: string, path: string): string {
  const p = path.replace(/^["']|["']$/g, '');
  const joined = p.startsWith('/') || p.startsWith('$') ? p : `${dir}/${p}`;
  const parts: string[] = [];
  for (const part of joined.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return joined.startsWith('$') ? parts.join('/') : `/${parts.join('/')}`;
}

const within = (inner: string, outer: string): boolean => inner === outer || inner.startsWith(outer === '/' ? '/' : `${outer}/`);

function recursiveTargets(c: ShellCommand): string[] {
  if (!['chown', 'chmod'].includes(c.name) || !hasAnyFlag(c, ['R', 'recursive'])) return [];
  return argsNoFlags(c).slice(1);
}

export const wh110: Rule = {
  id: 'WH110',
  title: 'Set ownership and modes in COPY, not in a later recursive chown/chmod',
  category: 'size',
  severity: 'warning',
  origin: 'whittle',
  fixable: false,
  check(df) {
    const out: Finding[] = [];
    let workdir = '/';
    const added: { dest: string; ins: Instruction }[] = [];
    for (const ins of shippedInstructions(df)) {
      if (ins.keyword === 'WORKDIR') workdir = resolve(workdir, ins.args.trim());
      if ((ins.keyword === 'COPY' || ins.keyword === 'ADD') && ins.copy?.destination) {
        added.push({ dest: resolve(workdir, ins.copy.destination), ins });
      }
      if (ins.keyword !== 'RUN') continue;
      for (const cmd of commandsOf(ins)) {
        const hit = recursiveTargets(cmd)
          .map((t) => resolve(workdir, t))
          .flatMap((t) => added.filter((a) => within(a.dest, t) || within(t, a.dest)))[0];
        if (hit === undefined) continue;
        const flag = cmd.name === 'chown' ? `--chown=${argsNoFlags(cmd)[0] ?? ''}` : `--chmod=${argsNoFlags(cmd)[0] ?? ''}`;
        out.push(findingAt(wh110, ins, `\`${cmd.text}\` writes every file ${hit.ins.keyword} added to ${hit.dest} on line ` +
          `${hit.ins.span.line} a second time, in a new layer: use \`${hit.ins.keyword} ${flag}\` there instead`));
        break;
      }
    }
    return out;
  },
};
