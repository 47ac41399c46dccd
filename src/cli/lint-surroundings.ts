// What `whittle lint` reads around a Dockerfile for BuildKit's checks: the build context's .dockerignore and the
// base images' configs (env and platform), with a note for everything it could not read.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { dockerignoreCandidates, parseDockerignore } from '../context/dockerignore.js';
import type { Matcher } from '../context/dockerignore.js';
import type { Dockerfile } from '../dockerfile/model.js';
import { describeError } from '../errors.js';
import { formatPlatform, hostPlatform } from '../image/manifest.js';
import { assumedFromBaseImages } from '../rules/bk-undefined-var.js';
import { baseImages } from '../rules/buildkit-words.js';
import type { RuleContext } from '../rules/rule.js';
import { DEFAULT_RULE_CONTEXT } from '../rules/rule.js';

export interface SurroundingsOptions {
  /** The build context directory (`--context`); default: the Dockerfile's directory. */
  readonly context?: string | undefined;
  /** Read registry base images (`--pull`). */
  readonly pull: boolean;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly buildArgs: Readonly<Record<string, string>>;
}

export interface Surroundings {
  readonly context: Pick<RuleContext, 'dockerignore' | 'baseImageEnv' | 'basePlatforms' | 'targetPlatform'>;
  readonly notes: readonly string[];
}

const LOCAL = /^(?:docker-archive|oci|oci-archive):/;

type BaseFacts = { env: readonly string[]; platform: string } | { error: string };
// One registry read per image for the process: several Dockerfiles often share their bases (local files are re-read).
const readCache = new Map<string, Promise<BaseFacts>>();

async function readBase(ref: string, cwd: string, env: SurroundingsOptions['env']): Promise<BaseFacts> {
  const local = LOCAL.test(ref);
  // Loaded only when an image is read, so that a plain lint does not pay for the image sources at start-up.
  const { openImage } = await import('../image/sources/index.js');
  const image = await openImage(local ? ref : `registry:${ref}`, { cwd, env });
  if (!image.ok) return { error: describeError(image.error) };
  return { env: image.value.config.env.map((kv) => kv.split('=')[0] ?? kv), platform: formatPlatform(image.value.platform) };
}

async function readText(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return null;
  }
}

/** The ignore file the builder would use (a Dockerfile-specific one first), parsed; bad patterns become a note. */
async function readDockerignore(dockerfile: string | null, contextDir: string | null, shown: (p: string) => string): Promise<{ rules: Matcher | null; note: string | null }> {
  const candidates = dockerfile === null ? (contextDir === null ? [] : [path.join(contextDir, '.dockerignore')]) : dockerignoreCandidates(dockerfile, contextDir ?? path.dirname(dockerfile));
  for (const file of candidates) {
    const text = await readText(file);
    if (text === null) continue;
    const parsed = parseDockerignore(text, shown(file));
    if (!parsed.ok) return { rules: null, note: `${describeError(parsed.error)} (the build would fail; CopyIgnoredFile was not checked)` };
    return { rules: parsed.value, note: null };
  }
  return { rules: null, note: null };
}

/** Read what the checks need around one Dockerfile (`file` as given; `-` for stdin). Never fails: what is missing becomes a note. */
export async function readSurroundings(df: Dockerfile, file: string, options: SurroundingsOptions): Promise<Surroundings> {
  const dockerfile = file === '-' ? null : path.resolve(options.cwd, file);
  const contextDir = options.context !== undefined ? path.resolve(options.cwd, options.context) : dockerfile === null ? null : path.dirname(dockerfile);
  const shown = (p: string): string => path.relative(options.cwd, p) || p;
  const notes: string[] = [];
  const ignore = await readDockerignore(dockerfile, contextDir, shown);
  if (ignore.note !== null) notes.push(ignore.note);

  const targetPlatform = formatPlatform(hostPlatform());
  const base = { ...DEFAULT_RULE_CONTEXT, buildArgs: options.buildArgs, targetPlatform };
  const baseImageEnv: Record<string, readonly string[] | null> = {};
  const basePlatforms: Record<string, string | null> = {};
  const unread = new Map<string, string>();
  const refs = [...new Set(baseImages(df, base).filter((r): r is string => r !== null))];
  for (const ref of refs) {
    const local = LOCAL.test(ref);
    if (!local && !options.pull) {
      unread.set(ref, 'not read (pass --pull to read it from its registry)');
      continue;
    }
    const cwd = dockerfile === null ? options.cwd : path.dirname(dockerfile);
    const pending = (local ? undefined : readCache.get(ref)) ?? readBase(ref, cwd, options.env);
    if (!local) readCache.set(ref, pending);
    const facts = await pending;
    if ('error' in facts) {
      unread.set(ref, `could not be read: ${facts.error}`);
      continue;
    }
    baseImageEnv[ref] = facts.env;
    basePlatforms[ref] = facts.platform;
  }
  for (const ref of unread.keys()) baseImageEnv[ref] = null;
  const context = { dockerignore: ignore.rules, baseImageEnv, basePlatforms, targetPlatform };

  if (unread.size > 0) {
    const byImage = new Map<string, string[]>();
    for (const a of assumedFromBaseImages(df, { ...base, ...context })) {
      byImage.set(a.image, [...(byImage.get(a.image) ?? []), `$${a.name} (line ${a.line})`]);
    }
    const name = file === '-' ? '<stdin>' : file;
    for (const [image, vars] of byImage) {
      notes.push(`${name}: base image ${image} ${unread.get(image) ?? 'was not read'}; UndefinedVar assumed it defines ${vars.join(', ')}`);
    }
  }
  return { context, notes };
}
