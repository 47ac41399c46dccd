// DL3033: `yum install name` takes whatever version is newest at build time; pin it with `name-version`.
// The rpm pinning checks are exported for DL3041, which hadolint defines the same way for dnf.
import type { Instruction } from '../dockerfile/model.js';
import type { ShellCommand } from '../dockerfile/shell.js';
import { argsNoFlags, cmdHasArgs } from '../dockerfile/shell.js';
import { checkWithTriggers, commandsOf, stageVariables } from './helpers.js';
import type { Finding, Rule } from './rule.js';
import { findingAt } from './rule.js';

/** What a yum or dnf rule found unpinned in one RUN. */
export interface RpmPins {
  /** Packages named without a version. */
  readonly loose: readonly string[];
  /** Modules named without a stream (`name:stream`). */
  readonly looseModules: readonly string[];
}

// hadolint's notion of a version: after the first `-`, only version characters, and some part starting with a digit.
function versionLike(parts: readonly string[]): boolean {
  return parts.length > 0 && parts.every((p) => /^[0-9A-Za-z.~^_:+]*$/.test(p)) && parts.some((p) => /^[0-9]/.test(p));
}

/** Whether an rpm package spec (`gcc-c++-1.1.1`, `openssl-1:1.1.1k`, `app-${VERSION}`, `x.rpm`) fixes a version. */
export function rpmPinned(pkg: string, referencedIn: (text: string) => boolean): boolean {
  const parts = pkg.split('-');
  if (parts.length <= 1) return false;
  if (pkg.endsWith('.rpm')) return true;
  // A version in a variable counts when an ENV of this stage or an earlier ARG defines it.
  if (pkg.includes('$')) return referencedIn(pkg);
  return versionLike(parts.slice(1));
}

/** Packages (or modules) a `tool install` names, without the subcommand words, as hadolint lists them. */
export function rpmInstallArgs(cmd: ShellCommand, tools: readonly string[]): string[] {
  if (!cmdHasArgs(cmd, tools, ['install'])) return [];
  return argsNoFlags(cmd).filter((a) => a !== 'install' && a !== 'module');
}

/** Runs an rpm pinning check over a list of instructions in order, tracking ENV/ARG names per stage. */
export function checkRpmPins(
  list: readonly Instruction[],
  judge: (cmds: readonly ShellCommand[], referencedIn: (text: string) => boolean) => RpmPins,
  report: (ins: Instruction, pins: RpmPins) => Finding,
): Finding[] {
  const vars = stageVariables();
  const found: Finding[] = [];
  for (const ins of list) {
    const names = (ins.pairs ?? []).map((p) => p.key);
    if (ins.keyword === 'FROM') vars.enter(ins);
    else if (ins.keyword === 'ENV') vars.env(names);
    else if (ins.keyword === 'ARG') vars.arg(names);
    else if (ins.keyword === 'RUN') {
      const pins = judge(commandsOf(ins), (t) => vars.referencedIn(t));
      if (pins.loose.length > 0 || pins.looseModules.length > 0) found.push(report(ins, pins));
    }
  }
  return found;
}

function judgeYum(cmds: readonly ShellCommand[], referencedIn: (text: string) => boolean): RpmPins {
  const isModule = (c: ShellCommand): boolean => cmdHasArgs(c, 'yum', ['module']);
  return {
    loose: cmds.filter((c) => !isModule(c)).flatMap((c) => rpmInstallArgs(c, ['yum'])).filter((p) => !rpmPinned(p, referencedIn)),
    looseModules: cmds.filter(isModule).flatMap((c) => rpmInstallArgs(c, ['yum'])).filter((m) => !m.includes(':')),
  };
}

/** The finding message: each unpinned package or module with the shape its pin should take. */
export function describePins(tool: string, pins: RpmPins): string {
  const named = [...pins.loose.map((p) => `${p}-<version>`), ...pins.looseModules.map((m) => `${m}:<stream>`)];
  return `pin versions in ${tool} install: ${named.join(' ')}`;
}

export const dl3033: Rule = {
  id: 'DL3033',
  title: 'Pin versions in yum install',
  category: 'correctness',
  severity: 'warning',
  origin: 'hadolint',
  fixable: false,
  check(df) {
    return checkWithTriggers(df.instructions, (list) =>
      checkRpmPins(list, judgeYum, (ins, pins) => findingAt(dl3033, ins, describePins('yum', pins))));
  },
};
