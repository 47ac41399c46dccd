// Resolve the lint config (defaults < file < env < flags) from injected places and an injected file reader.
import path from 'node:path';
import { WhittleError, err, ok } from '../errors.js';
import type { Result } from '../errors.js';
import type { ConfigLayer, LintConfig } from './config.js';
import { DEFAULT_LINT_CONFIG, mergeConfig } from './config.js';
import { configCandidates } from './discover.js';
import type { Env } from './env.js';
import { configFromEnv } from './env.js';

// Injection keeps every layer testable without touching the real home or environment.
export interface ResolveInput {
  readonly cwd: string;
  readonly env: Env;
  readonly home: string | undefined;
  /** What the command line said; only the keys given. */
  readonly flags: Partial<LintConfig>;
  /** `--config PATH`: this file and no other; relative to `cwd`. */
  readonly configPath?: string | undefined;
}

/** Reads a config file: its text, null when there is no such file (or it is a directory), or an error. */
export type ConfigReader = (file: string) => Result<string | null>;

/**
 * Parses a config file's text (src/config/file.ts). Injected because it pulls in yaml and zod, which the CLI
 * loads only when a config file exists: most runs have none, and those modules cost a third of the start-up.
 */
export type ConfigParser = (text: string, file: string) => Result<ConfigLayer>;

/** Whether resolving will read a config file (an explicit --config, or a discovered candidate). */
export function configFileExpected(input: ResolveInput, readFile: ConfigReader): boolean {
  if (input.configPath !== undefined) return true;
  return configCandidates(input).some((candidate) => {
    const text = readFile(candidate);
    return !text.ok || text.value !== null;
  });
}

export function resolveLintConfig(input: ResolveInput, readFile: ConfigReader, parseConfigFile: ConfigParser): Result<LintConfig> {
  const file = fileLayer(input, readFile, parseConfigFile);
  if (!file.ok) return file;
  const env = configFromEnv(input.env);
  if (!env.ok) return env;
  const layers: ConfigLayer[] = [...(file.value ? [file.value] : []), env.value, { origin: 'flags', values: input.flags }];
  return ok(mergeConfig(layers, DEFAULT_LINT_CONFIG));
}

function fileLayer(input: ResolveInput, readFile: ConfigReader, parseConfigFile: ConfigParser): Result<ConfigLayer | null> {
  if (input.configPath !== undefined) {
    const full = path.resolve(input.cwd, input.configPath);
    const text = readFile(full);
    if (!text.ok) return text;
    if (text.value === null) return err(new WhittleError('CONFIG', 'config file not found', { file: input.configPath }));
    return withFile(parseConfigFile(text.value, input.configPath), input.configPath);
  }
  for (const candidate of configCandidates(input)) {
    const text = readFile(candidate);
    if (!text.ok) return text;
    if (text.value === null) continue;
    const shown = shownPath(candidate, input.cwd);
    return withFile(parseConfigFile(text.value, shown), shown);
  }
  return ok(null);
}

function withFile(layer: Result<ConfigLayer>, file: string): Result<ConfigLayer> {
  return layer.ok ? ok({ origin: file, values: { ...layer.value.values, configFile: file } }) : layer;
}

// A file in the working directory is shown by its name, as the user would type it; others in full.
function shownPath(file: string, cwd: string): string {
  return path.dirname(file) === path.resolve(cwd) ? path.basename(file) : file;
}
