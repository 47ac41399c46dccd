// The regular files at the top of a build context that a build would actually receive (its ignore file applied).
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { dockerignoreCandidates, parseDockerignore } from './dockerignore.js';
import type { Matcher } from './dockerignore.js';

async function readText(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return null;
  }
}

/** The ignore file a build uses and its rules. */
export interface ContextIgnore {
  readonly file: string;
  readonly rules: Matcher;
}

/**
 * The ignore file the builder would apply: `<dockerfile>.dockerignore` first, then the context's `.dockerignore`;
 * null when there is none, `undefined` when the first one found does not parse (the build itself would fail).
 */
export async function contextIgnore(contextDir: string, dockerfile: string | null): Promise<ContextIgnore | null | undefined> {
  const candidates = dockerfile === null ? [path.join(contextDir, '.dockerignore')] : dockerignoreCandidates(dockerfile, contextDir);
  for (const file of candidates) {
    const text = await readText(file);
    if (text === null) continue;
    const parsed = parseDockerignore(text, file);
    return parsed.ok ? { file, rules: parsed.value } : undefined;
  }
  return null;
}

async function ignoreRules(contextDir: string, dockerfile: string | null): Promise<Matcher | null | undefined> {
  const found = await contextIgnore(contextDir, dockerfile);
  return found === null || found === undefined ? found : found.rules;
}

/**
 * Names of the regular files directly in `contextDir` that the ignore file leaves in the context, sorted; what
 * a fix may name in a `COPY` (WH200's manifests). `dockerfile` is the Dockerfile's path (null for stdin), for
 * its own ignore file. Null when the directory cannot be read or the ignore file does not parse: then nothing
 * is known to be there.
 */
export async function topLevelContextFiles(contextDir: string, dockerfile: string | null): Promise<string[] | null> {
  let names: string[];
  try {
    names = (await readdir(contextDir, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
  } catch {
    return null;
  }
  const rules = await ignoreRules(contextDir, dockerfile);
  if (rules === undefined) return null;
  return names.filter((n) => rules === null || !rules.ignores(n)).sort();
}
