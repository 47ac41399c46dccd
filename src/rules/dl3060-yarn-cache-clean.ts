// DL3060: `yarn install` leaves its package cache in the layer unless the same RUN cleans it afterwards.
import type { Instruction } from '../dockerfile/model.js';
import type { ShellCommand } from '../dockerfile/shell.js';
import { cmdHasArgs } from '../dockerfile/shell.js';
import { appendToRun, commandsOf } from './helpers.js';
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';

const isInstall = (cmd: ShellCommand): boolean => cmdHasArgs(cmd, 'yarn', ['install']);
// As in hadolint, any `yarn` command naming `cache` or `clean` counts as the clean-up.
const isClean = (cmd: ShellCommand): boolean => cmdHasArgs(cmd, 'yarn', ['cache', 'clean']);

function leavesCache(ins: Instruction): boolean {
  const cmds = commandsOf(ins);
  const install = cmds.findIndex(isInstall);
  if (install < 0) return false;
  const clean = cmds.findIndex(isClean);
  if (clean < 0) return !(ins.run?.cacheMountTargets ?? []).some((t) => t.includes('.cache/yarn'));
  return clean < install;
}

export const dl3060: Rule = {
  id: 'DL3060',
  title: 'Run `yarn cache clean` after `yarn install`',
  category: 'size',
  severity: 'info',
  origin: 'hadolint',
  fixable: true,
  check(df) {
    const lastStage = df.stages.length - 1;
    // Image names FROM lines build on: a stage named by one of them ships its layers in another image.
    const builtOn = new Set(df.stages.map((s) => s.from.from?.name ?? ''));
    const ships = (stage: number): boolean => {
      const alias = df.stages[stage]?.name ?? null;
      // disagrees with hadolint: it finds the final stage by comparing FROM lines, so an earlier stage with
      // the same FROM line as the last one counts as final too; we use the stage index.
      return stage === lastStage || (alias !== null && builtOn.has(alias));
    };
    const message = '`yarn install` without `yarn cache clean` after it leaves the yarn cache in the layer';
    const findings = df.instructions
      .filter((ins) => ins.keyword === 'RUN' && leavesCache(ins) && ships(ins.stage))
      .map((ins) => {
        // With a clean before the install, hadolint keeps reporting whatever follows: only a RUN without one is fixed.
        const edit = commandsOf(ins).some(isClean) ? null : appendToRun(df, ins, 'yarn cache clean');
        return findingAt(dl3060, ins, message, edit === null ? {} : { fix: [edit] });
      });
    // An ONBUILD trigger runs in every child image, which ships: those are always reported.
    const triggers = df.instructions
      .filter((ins) => ins.trigger?.keyword === 'RUN' && leavesCache(ins.trigger))
      .map((ins) => findingAt(dl3060, ins, message));
    return [...findings, ...triggers].sort((a, b) => (a.location.line ?? 0) - (b.location.line ?? 0));
  },
};
