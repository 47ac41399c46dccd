// The real builders `fix --verify` drives: buildah (daemonless, its own storage root) or the docker CLI (BuildKit
// through `docker buildx` when the plugin is there, else the classic builder of whatever engine DOCKER_HOST names).
// Each builds, says which steps it ran rather than took from its cache, and hands the image to whittle's reader.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { WhittleError } from '../errors.js';
import type { Image } from '../image/model.js';
import { openImage } from '../image/sources/index.js';
import { redactSecrets } from '../rules/secret-patterns.js';

import type { BuilderKind } from './formats.js';

export interface BuildOutput {
  readonly ok: boolean;
  readonly output: string;
  readonly seconds: number;
}

export interface Builder {
  /** `buildah`, `docker buildx` or `docker` (classic builder), as reports name it. */
  readonly name: string;
  build(dockerfile: string, context: string, tag: string, cache: boolean): Promise<BuildOutput>;
  /**
   * The built image, through whittle's own reader. `layout` is an OCI layout directory the builder may export
   * into, shared by every image of a run (a layer already there is not written again), under `name`.
   */
  open(tag: string, layout: string, name: string): Promise<Image>;
  remove(tags: readonly string[]): Promise<void>;
  /** Steps of a build's output that did work (FROM and cache hits aside). */
  stepsRerun(output: string): number;
}

export interface BuilderOptions {
  readonly env: NodeJS.ProcessEnv;
  /** buildah storage root (default: `work/root`, fresh). */
  readonly store?: string | undefined;
  /** Scratch directory owned by the caller, removed by it. */
  readonly work: string;
  /** Extra `buildah bud` arguments (the proxy CA mounts). */
  readonly buildahExtra?: readonly string[];
}

interface Exec {
  readonly code: number;
  readonly output: string;
}

/** Run a tool; a missing binary is an error, a non-zero exit is the caller's to judge. */
export function exec(cmd: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<Exec> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (output += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (output += s));
    child.on('error', (e) => reject(new WhittleError('TOOL', `cannot run ${cmd}: ${e.message}`)));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** The last meaningful line of a tool's output, for one-line errors; secrets in it (build args) are masked. */
export function lastLine(output: string): string {
  const lines = output.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  return redactSecrets(lines.filter((l) => /error/i.test(l)).pop() ?? lines.pop() ?? 'no output');
}

async function timed(run: Promise<Exec>): Promise<BuildOutput> {
  const started = process.hrtime.bigint();
  const r = await run;
  return { ok: r.code === 0, output: r.output, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/**
 * Steps that did work, for the three output styles there are: buildah and podman (`STEP 2/4: RUN …` then
 * `--> Using cache …` on a hit), Docker's classic builder (`Step 2/4 : RUN …` then ` ---> Using cache`), and
 * BuildKit's plain progress (`#7 [2/4] RUN …` then `#7 CACHED`; `[internal]` vertices are not steps).
 */
export function stepsRerun(output: string): number {
  const lines = output.split('\n');
  if (lines.some((l) => /^#\d+ \[/.test(l))) return buildkitSteps(lines);
  let count = 0;
  let current: string | null = null;
  const settle = (cached: boolean): void => {
    if (current !== null && !cached && !/^FROM\b/i.test(current)) count++;
    current = null;
  };
  for (const line of lines) {
    const step = /^(?:STEP \d+\/\d+:|Step \d+\/\d+ :) (.*)$/.exec(line);
    if (step !== null) {
      settle(false);
      current = step[1] ?? '';
    } else if (/^\s*-+> Using cache/.test(line)) settle(true);
  }
  settle(false);
  return count;
}

function buildkitSteps(lines: readonly string[]): number {
  const steps = new Map<string, string>();
  const cached = new Set<string>();
  for (const line of lines) {
    const vertex = /^#(\d+) \[(?!internal\])[^\]]*\] (.*)$/.exec(line);
    if (vertex !== null && !steps.has(vertex[1] ?? '')) steps.set(vertex[1] ?? '', vertex[2] ?? '');
    const hit = /^#(\d+) CACHED\s*$/.exec(line);
    if (hit !== null) cached.add(hit[1] ?? '');
  }
  let count = 0;
  for (const [id, text] of steps) if (!cached.has(id) && !/^FROM\b/i.test(text)) count++;
  return count;
}

async function openOrThrow(ref: string, env: NodeJS.ProcessEnv): Promise<Image> {
  const image = await openImage(ref, { env });
  if (!image.ok) throw image.error;
  return image.value;
}

class Buildah implements Builder {
  readonly name = 'buildah';
  private readonly storage: string[];

  constructor(private readonly opts: BuilderOptions) {
    const root = opts.store ?? path.join(opts.work, 'root');
    const runroot = opts.store === undefined ? path.join(opts.work, 'runroot') : `${opts.store.replace(/\/+$/, '')}.run`;
    this.storage = ['--storage-driver', 'vfs', '--root', root, '--runroot', runroot];
  }

  build(dockerfile: string, context: string, tag: string, cache: boolean): Promise<BuildOutput> {
    // Docker's image format, as `docker build` makes: OCI configs drop HEALTHCHECK, SHELL and ONBUILD.
    return timed(exec('buildah', [...this.storage, 'bud', '--format', 'docker', '--isolation', 'chroot', '--layers', ...(cache ? [] : ['--no-cache']),
      ...(this.opts.buildahExtra ?? []), '-f', dockerfile, '-t', tag, context], this.opts.env));
  }

  async open(tag: string, layout: string, name: string): Promise<Image> {
    // Uncompressed: compressing hundreds of megabytes per image only to read them back costs more than the build.
    const r = await exec('buildah', [...this.storage, 'push', '--disable-compression', tag, `oci:${layout}:${name}`], this.opts.env);
    if (r.code !== 0) throw new WhittleError('TOOL', `buildah push failed: ${lastLine(r.output)}`);
    return openOrThrow(`oci:${layout}:${name}`, this.opts.env);
  }

  async remove(tags: readonly string[]): Promise<void> {
    await exec('buildah', [...this.storage, 'rmi', '-f', ...tags], this.opts.env).catch(() => undefined);
  }

  stepsRerun(output: string): number {
    return stepsRerun(output);
  }
}

/** The docker CLI against the engine DOCKER_HOST names (Docker, or Podman's compatible service). */
class Docker implements Builder {
  readonly name: string;

  constructor(private readonly opts: BuilderOptions, private readonly buildx: boolean) {
    this.name = buildx ? 'docker buildx' : 'docker';
  }

  build(dockerfile: string, context: string, tag: string, cache: boolean): Promise<BuildOutput> {
    const flags = [...(cache ? [] : ['--no-cache']), '-f', dockerfile, '-t', tag, context];
    if (this.buildx) return timed(exec('docker', ['buildx', 'build', '--load', '--progress', 'plain', ...flags], this.opts.env));
    // Without the buildx plugin the CLI would refuse BuildKit; the classic builder is what the engine offers.
    return timed(exec('docker', ['build', ...flags], { ...this.opts.env, DOCKER_BUILDKIT: '0' }));
  }

  open(tag: string): Promise<Image> {
    return openOrThrow(`engine:${tag}`, this.opts.env);
  }

  async remove(tags: readonly string[]): Promise<void> {
    await exec('docker', ['rmi', '-f', ...tags], this.opts.env).catch(() => undefined);
  }

  stepsRerun(output: string): number {
    return stepsRerun(output);
  }
}

async function works(cmd: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<boolean> {
  try {
    return (await exec(cmd, args, env)).code === 0;
  } catch {
    return false;
  }
}

/** The builder asked for; `auto` takes buildah when installed, else docker when its engine answers. */
export async function chooseBuilder(kind: BuilderKind, opts: BuilderOptions): Promise<Builder> {
  const buildah = kind !== 'docker' && (kind === 'buildah' || (await works('buildah', ['--version'], opts.env)));
  if (buildah) return new Buildah(opts);
  if (kind === 'auto' && !(await works('docker', ['version'], opts.env))) {
    throw new WhittleError('TOOL', 'no builder for --verify: install buildah (apt-get install -y buildah) or point docker at an engine (DOCKER_HOST)');
  }
  return new Docker(opts, await works('docker', ['buildx', 'version'], opts.env));
}
