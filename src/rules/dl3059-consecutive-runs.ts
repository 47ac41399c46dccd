// DL3059: back-to-back single-command RUNs each make a layer; one RUN would make one.
import type { Instruction } from '../dockerfile/model.js';
import type { Finding, Rule } from './rule.js';
import { findingAt } from './rule.js';

// RUNs only pair up when their flags agree (a different --mount or --network is a reason to split);
// mount options are compared as a set, as hadolint compares parsed mounts.
function flagsKey(ins: Instruction): string {
  const parts = ins.flags.map((f) => {
    if (f.name !== 'mount' || f.value === null) return `${f.name}=${f.value ?? ''}`;
    const opts: Record<string, string> = { type: 'bind' };
    for (const part of f.value.split(',')) {
      const eq = part.indexOf('=');
      const key = eq < 0 ? part.trim() : part.slice(0, eq).trim();
      opts[key === 'dst' || key === 'destination' ? 'target' : key] = eq < 0 ? 'true' : part.slice(eq + 1).trim();
    }
    return `mount=${JSON.stringify(Object.entries(opts).sort(([a], [b]) => a.localeCompare(b)))}`;
  });
  return JSON.stringify(parts.sort());
}

export const dl3059: Rule = {
  id: 'DL3059',
  title: 'Consolidate consecutive RUN instructions',
  category: 'size',
  severity: 'info',
  origin: 'hadolint',
  fixable: false,
  check(df) {
    const findings: Finding[] = [];
    let previous: { flags: string; commands: number } | null = null;
    // Comments are not instructions here, so they never break a run of RUNs; any other instruction does,
    // ONBUILD RUN included. A RUN that already chains two commands was split on purpose, and so was the next one.
    for (const ins of df.instructions) {
      if (ins.keyword !== 'RUN') {
        previous = null;
        continue;
      }
      const current = { flags: flagsKey(ins), commands: ins.run?.script.commands.length ?? 0 };
      if (previous !== null && previous.flags === current.flags && previous.commands <= 1 && current.commands <= 1) {
        findings.push(findingAt(dl3059, ins, 'consecutive RUN instructions: consider merging them into one'));
      } else {
        previous = current;
      }
    }
    return findings;
  },
};
