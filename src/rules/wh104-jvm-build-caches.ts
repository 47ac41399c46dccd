// WH104: Maven and Gradle download into ~/.m2 and ~/.gradle, which ship unless a builder stage or a cache mount keeps them out.
import type { Instruction } from '../dockerfile/model.js';
import type { ShellCommand } from '../dockerfile/shell.js';
import { basename } from '../dockerfile/shell.js';
import { commandsOf, mountsCacheOn, removesPath, shippedInstructions } from './helpers.js';
import type { Finding, Rule } from './rule.js';
import { findingAt } from './rule.js';
import type { SizeEstimate } from './size-estimates.js';
import { SIZE, formatEstimate } from './size-estimates.js';

interface Tool {
  readonly name: string;
  readonly runs: (c: ShellCommand) => boolean;
  readonly dir: string;
  readonly size: SizeEstimate;
}

const TOOLS: readonly Tool[] = [
  { name: 'Maven', runs: (c) => ['mvn', 'mvnw'].includes(basename(c.name)), dir: '.m2', size: SIZE.mavenRepo },
  { name: 'Gradle', runs: (c) => ['gradle', 'gradlew'].includes(basename(c.name)), dir: '.gradle', size: SIZE.gradleHome },
];

function keeps(run: Instruction, tool: Tool): boolean {
  if (!commandsOf(run).some(tool.runs)) return false;
  // Maven's local repository may be moved with -Dmaven.repo.local; Gradle's home with GRADLE_USER_HOME.
  const moved = run.args.match(/(?:maven\.repo\.local=|GRADLE_USER_HOME=|--gradle-user-home[= ])(\S+)/)?.[1];
  const dirs = [tool.dir, `${tool.dir}/repository`, ...(moved ? [moved] : [])];
  return !dirs.some((d) => mountsCacheOn(run, d) || removesPath(run, d));
}

export const wh104: Rule = {
  id: 'WH104',
  title: 'Keep Maven and Gradle caches out of the shipped image',
  category: 'size',
  severity: 'warning',
  origin: 'whittle',
  fixable: false,
  check(df) {
    const out: Finding[] = [];
    for (const run of shippedInstructions(df).filter((i) => i.keyword === 'RUN')) {
      for (const tool of TOOLS.filter((t) => keeps(run, t))) {
        out.push(findingAt(wh104, run, `${tool.name} leaves ~/${tool.dir} in a shipped layer (est. ${formatEstimate(tool.size.bytes)}): ` +
          `build in a separate stage and copy only the artifact, or use \`--mount=type=cache,target=/root/${tool.dir}\``, { bytes: tool.size.bytes }));
      }
    }
    return out;
  },
};
