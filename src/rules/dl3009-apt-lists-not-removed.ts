// DL3009: `apt-get update` leaves package lists in the layer unless the same RUN removes them.
import type { Dockerfile, Instruction } from '../dockerfile/model.js';
import type { ShellCommand } from '../dockerfile/shell.js';
import { basename, cmdHasArgs } from '../dockerfile/shell.js';
import { appendToRun, commandsOf, stageOf } from './helpers.js';
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';

const LISTS = '/var/lib/apt/lists';
const APT = ['apt', 'apt-get', 'aptitude'];
const POSIX_SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh']);

const updates = (c: ShellCommand): boolean => cmdHasArgs(c, APT, ['update']);
// hadolint takes any `rm -rf` as the cleanup; we want the rm to name the lists (or a directory above them).
const removesLists = (c: ShellCommand): boolean =>
  c.name === 'rm' && c.args.some((a) => a.value.startsWith('/var/lib/apt/') || a.value === '/var/lib/apt');

function leavesLists(run: Instruction): boolean {
  const cmds = commandsOf(run);
  if (!cmds.some(updates) || cmds.some(removesLists)) return false;
  const mounts = run.run?.cacheMountTargets ?? [];
  const mounted = (frag: string): boolean => mounts.some((t) => t.includes(frag));
  return !(mounted(LISTS) || (mounted('/var/lib/apt') && mounted('/var/cache/apt')));
}

// Appending the cleanup is safe only when this RUN uses the lists itself and no later RUN relies on them.
function cleanupFix(df: Dockerfile, run: Instruction): ReturnType<typeof appendToRun> {
  if (run.isTrigger) return null;
  const shell = stageOf(df, run)?.shell[0] ?? '/bin/sh';
  if (!POSIX_SHELLS.has(basename(shell))) return null;
  const cmds = commandsOf(run);
  if (!cmds.some((c) => APT.includes(c.name) && c.args.some((a) => a.value !== 'update' && !a.value.startsWith('-')))) return null;
  const later = df.instructions
    .flatMap((i) => (i.trigger === null ? [i] : [i, i.trigger]))
    .filter((i) => i.keyword === 'RUN' && i.span.start > run.span.start);
  const relies = later.some((i) => {
    const c = commandsOf(i);
    return c.some((x) => [...APT, 'apt-cache'].includes(x.name)) && !c.some(updates);
  });
  return relies ? null : appendToRun(df, run, `rm -rf ${LISTS}/*`);
}

export const dl3009: Rule = {
  id: 'DL3009',
  title: 'Remove apt lists in the RUN that downloaded them',
  category: 'size',
  severity: 'info',
  origin: 'hadolint',
  fixable: true,
  check(df) {
    // As hadolint: a stage's lists matter when it is the last stage or another stage is built FROM it.
    // ONBUILD triggers run in whatever image builds on this one, so they are always judged.
    const bases = new Set(df.stages.map((s) => s.from.from?.parentStage).filter((p): p is number => p !== null && p !== undefined));
    const lastStage = df.stages.length - 1;
    const matters = (ins: Instruction): boolean => ins.isTrigger || ins.stage === lastStage || bases.has(ins.stage);
    const candidates = df.instructions.flatMap((i) => (i.keyword === 'ONBUILD' ? (i.trigger ? [i.trigger] : []) : [i]));
    return candidates
      .filter((i) => i.keyword === 'RUN' && matters(i) && leavesLists(i))
      .map((run) => {
        const edit = cleanupFix(df, run);
        return findingAt(dl3009, run, `apt package lists under ${LISTS} stay in this layer: remove them in the same RUN`,
          edit === null ? {} : { fix: [edit] });
      });
  },
};
