// WH107: a final stage that builds on an SDK image ships the whole toolchain; a builder stage would leave it behind.
import type { Dockerfile, FromDetails, Instruction } from '../dockerfile/model.js';
import type { ShellCommand } from '../dockerfile/shell.js';
import { argsNoFlags, basename } from '../dockerfile/shell.js';
import { commandsOf, shippedInstructions, shippedStages } from './helpers.js';
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';
import type { BaseImageSize } from './size-estimates.js';
import { BASE_IMAGES, formatEstimate } from './size-estimates.js';

/** Docker Hub official image name (`node`), or null for other registries and namespaces. */
export function officialName(from: FromDetails): string | null {
  if (from.registry !== null && from.registry !== 'docker.io' && from.registry !== 'registry-1.docker.io') return null;
  const name = from.name.replace(/^library\//, '');
  return name.includes('/') || name.includes('$') ? null : name;
}

const LEAN_TAG = /slim|alpine|windowsservercore|nanoserver|distroless/;

function sdkSize(from: FromDetails): BaseImageSize | null {
  if (from.registry === 'mcr.microsoft.com' && from.name === 'dotnet/sdk') return BASE_IMAGES.dotnetSdk;
  const name = officialName(from);
  const tag = from.tag ?? 'latest';
  switch (name) {
    case 'golang': return BASE_IMAGES.golang;
    case 'rust': return BASE_IMAGES.rust;
    case 'maven': return BASE_IMAGES.maven;
    case 'gradle': return BASE_IMAGES.gradle;
    case 'openjdk':
    case 'eclipse-temurin':
    case 'amazoncorretto': return tag.includes('jre') ? null : BASE_IMAGES.openjdk;
    case 'node': return LEAN_TAG.test(tag) ? null : BASE_IMAGES.node;
    case 'python': return LEAN_TAG.test(tag) ? null : BASE_IMAGES.python;
    default: return null;
  }
}

const sub = (c: ShellCommand, n = 1): string => argsNoFlags(c).slice(0, n).join(' ');

// Commands that compile or bundle: evidence that the stage builds rather than just runs.
function isBuildStep(c: ShellCommand): boolean {
  const name = basename(c.name);
  switch (name) {
    case 'go': return ['build', 'install'].includes(sub(c));
    case 'cargo': return ['build', 'install'].includes(sub(c));
    case 'mvn':
    case 'mvnw': return argsNoFlags(c).some((a) => ['package', 'install', 'verify'].includes(a));
    case 'gradle':
    case 'gradlew': return argsNoFlags(c).some((a) => ['build', 'assemble', 'bootJar', 'jar', 'installDist', 'shadowJar'].includes(a));
    case 'npm':
    case 'pnpm':
    case 'yarn': return ['run build', 'build'].includes(sub(c, 2)) || sub(c) === 'build';
    case 'dotnet': return ['build', 'publish'].includes(sub(c));
    case 'pip':
    case 'pip3': return sub(c) === 'wheel';
    case 'poetry': return sub(c) === 'build';
    case 'python':
    case 'python3': return /^(setup\.py (build|bdist)|-m build\b)/.test(c.args.map((a) => a.value).join(' '));
    default: return ['javac', 'tsc', 'webpack', 'make', 'cmake', 'gcc', 'g++', 'cc'].includes(name);
  }
}

/** The first build command in the shipped stages, with its RUN. */
export function shippedBuildStep(df: Dockerfile): { run: Instruction; cmd: ShellCommand } | null {
  for (const run of shippedInstructions(df).filter((i) => i.keyword === 'RUN')) {
    const cmd = commandsOf(run).find(isBuildStep);
    if (cmd !== undefined) return { run, cmd };
  }
  return null;
}

export const wh107: Rule = {
  id: 'WH107',
  title: 'Build on the SDK image in a builder stage, not in the final one',
  category: 'size',
  severity: 'warning',
  origin: 'whittle',
  fixable: false,
  check(df) {
    const root = shippedStages(df)[0]?.from;
    const size = root?.from ? sdkSize(root.from) : null;
    const step = shippedBuildStep(df);
    if (root === undefined || size === null || step === null) return [];
    const bytes = size.full - size.lean;
    return [findingAt(wh107, root, `the final image is built on the SDK image \`${root.from?.image ?? ''}\` and compiles with ` +
      `\`${step.cmd.text}\` on line ${step.run.span.line}: build in a builder stage and copy the output onto a runtime base ` +
      `(est. ${formatEstimate(bytes)} smaller: ${size.basis})`, { bytes })];
  },
};
