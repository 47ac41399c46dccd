// DL4001: installing and using both wget and curl in one image carries two tools for one job.
import type { Instruction } from '../dockerfile/model.js';
import { commandsOf } from './helpers.js';
import type { Finding, Rule } from './rule.js';
import { findingAt } from './rule.js';

function downloaders(ins: Instruction): string[] {
  return commandsOf(ins).map((c) => c.name).filter((n) => n === 'curl' || n === 'wget');
}

// Every RUN that uses one of the two once both have been seen since the last reset is reported.
function mixed(list: readonly Instruction[], resetAtFrom: boolean): Instruction[] {
  const seen = new Set<string>();
  const out: Instruction[] = [];
  for (const ins of list) {
    if (ins.keyword === 'FROM' && resetAtFrom) seen.clear();
    if (ins.keyword !== 'RUN') continue;
    const used = downloaders(ins);
    for (const u of used) seen.add(u);
    if (used.length > 0 && seen.size >= 2) out.push(ins);
  }
  return out;
}

export const dl4001: Rule = {
  id: 'DL4001',
  title: 'Use either wget or curl, not both',
  category: 'size',
  severity: 'warning',
  origin: 'hadolint',
  fixable: false,
  check(df) {
    const message = 'both wget and curl are used: pick one';
    const findings: Finding[] = mixed(df.instructions, true).map((ins) => findingAt(dl4001, ins, message));
    // As in hadolint, ONBUILD RUN triggers are weighed among themselves, across the whole file.
    const triggers = df.instructions.flatMap((ins) => (ins.trigger === null ? [] : [ins.trigger]));
    findings.push(...mixed(triggers, false).map((ins) => findingAt(dl4001, ins, message)));
    return findings.sort((a, b) => (a.location.line ?? 0) - (b.location.line ?? 0));
  },
};
