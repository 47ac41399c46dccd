// The ShellCheck edge of `whittle lint`: finds the binary, feeds it each RUN script on stdin, and turns
// its json1 output into findings (the scripts and the mapping are pure, in src/rules/shellcheck.ts).
import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import path from 'node:path';
import type { LintConfig, ShellcheckMode } from '../config/config.js';
import type { Dockerfile } from '../dockerfile/model.js';
import { WhittleError } from '../errors.js';
import type { Finding } from '../rules/rule.js';
import { EXCLUDED_CODES, shellcheckScripts, toFindings } from '../rules/shellcheck.js';
import type { ShellcheckScript } from '../rules/shellcheck.js';

export const SHELLCHECK_MISSING_NOTE = 'shellcheck not installed: SC checks skipped (install shellcheck or pass --shellcheck off)';

/** What `lintFiles` takes: findings per file, and notes that may grow while files are linted. */
export interface ShellcheckHook {
  readonly extraFindings?: (file: string, df: Dockerfile, config: LintConfig) => Promise<readonly Finding[]>;
  readonly notes: string[];
}

export interface ShellcheckOptions {
  /** Per script; a script that takes longer is skipped with a note rather than failing the run. */
  readonly timeoutMs?: number;
  readonly concurrency?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_CONCURRENCY = 4;

async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

const MODES: readonly string[] = ['auto', 'on', 'off'];

/**
 * The shellcheck binary: WHITTLE_SHELLCHECK_PATH (a path, or a name looked up on PATH), else `shellcheck` on PATH.
 * WHITTLE_SHELLCHECK holds the mode (auto|on|off) for the config layer; any other value there is taken as the binary.
 */
export async function findShellcheck(env: Readonly<Record<string, string | undefined>>, cwd: string): Promise<string | null> {
  const legacy = env.WHITTLE_SHELLCHECK?.trim() ?? '';
  const wanted = env.WHITTLE_SHELLCHECK_PATH ?? (MODES.includes(legacy) ? '' : legacy);
  const name = wanted === '' ? 'shellcheck' : wanted;
  if (name.includes('/') || name.includes(path.sep)) {
    const file = path.resolve(cwd, name);
    return (await isExecutable(file)) ? file : null;
  }
  const suffixes = process.platform === 'win32' ? ['.exe', ''] : [''];
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (dir === '') continue;
    for (const suffix of suffixes) {
      const file = path.join(dir, name + suffix);
      if (await isExecutable(file)) return file;
    }
  }
  return null;
}

type Outcome = { readonly kind: 'output'; readonly stdout: string } | { readonly kind: 'timeout' };

/** Run shellcheck once on `text`; exit 0 and 1 both mean "checked" (1: it has comments). */
function runOnce(bin: string, text: string, env: Readonly<Record<string, string | undefined>>, timeoutMs: number): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    // --norc: the same script gives the same findings on every machine, as hadolint's embedded ShellCheck does.
    const args = ['--norc', '-f', 'json1', `--exclude=${EXCLUDED_CODES.join(',')}`, '-'];
    // Older ShellCheck builds read stdin in the locale's encoding and die on UTF-8 under LANG=C.
    const child = spawn(bin, args, { env: { ...env, LC_ALL: 'C.UTF-8' }, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const errOut: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => errOut.push(c));
    // A shellcheck that exits early closes its stdin; the exit code tells what happened.
    child.stdin.on('error', () => undefined);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new WhittleError('TOOL', `cannot run shellcheck (${bin}): ${e.message}`, {}, { cause: e }));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (timedOut) return resolve({ kind: 'timeout' });
      if (code === 0 || code === 1) return resolve({ kind: 'output', stdout: Buffer.concat(out).toString('utf8') });
      const why = Buffer.concat(errOut).toString('utf8').trim().split('\n')[0] ?? '';
      reject(new WhittleError('TOOL', `shellcheck exited with ${code ?? 'a signal'}${why ? `: ${why}` : ''}`));
    });
    child.stdin.end(text);
  });
}

async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** A ShellCheck runner bound to one binary; identical scripts (across files too) run once. */
export function shellcheckRunner(
  bin: string,
  env: Readonly<Record<string, string | undefined>>,
  notes: string[],
  options: ShellcheckOptions = {},
): (file: string, df: Dockerfile) => Promise<Finding[]> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
  const cache = new Map<string, Promise<Outcome>>();
  const check = async (file: string, script: ShellcheckScript): Promise<Finding[]> => {
    let pending = cache.get(script.text);
    if (pending === undefined) {
      pending = runOnce(bin, script.text, env, timeoutMs);
      cache.set(script.text, pending);
    }
    const line = script.instruction.span.line;
    let outcome: Outcome;
    try {
      outcome = await pending;
    } catch (e) {
      if (e instanceof WhittleError) throw new WhittleError('TOOL', e.message, { file, line }, { cause: e });
      throw e;
    }
    if (outcome.kind === 'timeout') {
      notes.push(`shellcheck took over ${timeoutMs / 1000}s on ${file}:${line}: SC checks skipped for that RUN`);
      return [];
    }
    const mapped = toFindings(script, outcome.stdout);
    if (!mapped.ok) throw new WhittleError('TOOL', mapped.error.message, { file, line });
    return mapped.value;
  };
  return async (file, df) => (await mapLimited(shellcheckScripts(df), concurrency, (s) => check(file, s))).flat();
}

/**
 * What `lint` needs for the chosen mode: 'off' adds nothing; 'auto' without the binary adds one note;
 * 'on' without it is an error (exit 2).
 */
export async function setupShellcheck(
  mode: ShellcheckMode,
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
  options: ShellcheckOptions = {},
): Promise<ShellcheckHook> {
  if (mode === 'off') return { notes: [] };
  const bin = await findShellcheck(env, cwd);
  if (bin === null) {
    if (mode === 'on') {
      const where = env.WHITTLE_SHELLCHECK_PATH ? `WHITTLE_SHELLCHECK_PATH=${env.WHITTLE_SHELLCHECK_PATH} is not an executable` : 'not found on PATH';
      throw new WhittleError('TOOL', `--shellcheck on: shellcheck ${where} (install shellcheck or pass --shellcheck auto|off)`);
    }
    return { notes: [SHELLCHECK_MISSING_NOTE] };
  }
  const notes: string[] = [];
  const run = shellcheckRunner(bin, env, notes, options);
  return { notes, extraFindings: (file, df) => run(file, df) };
}
