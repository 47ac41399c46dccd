// The flags layer: what `whittle lint`'s options said, hadolint's spellings included, as a partial config.
import type { Result } from '../errors.js';
import { ok } from '../errors.js';
import type { LintFormat } from '../report/index.js';
import type { FailureThreshold, LintConfig, ShellcheckMode } from './config.js';
import { labelSchemaFromSpecs } from './env.js';
import { overridesFromLists } from './values.js';

/** The lint options as commander hands them over (`fail`/`color` false for --no-fail/--no-color). */
export interface LintFlags {
  readonly ignore?: readonly string[];
  readonly trustedRegistry?: readonly string[];
  readonly failureThreshold?: FailureThreshold | undefined;
  readonly shellcheck?: ShellcheckMode | undefined;
  readonly strictLabels?: boolean | undefined;
  readonly fail?: boolean;
  readonly color?: boolean;
  readonly error?: readonly string[];
  readonly warning?: readonly string[];
  readonly info?: readonly string[];
  readonly style?: readonly string[];
  readonly requireLabel?: readonly string[];
  readonly disableIgnorePragma?: boolean | undefined;
  readonly verbose?: boolean | undefined;
  /** Only when given on the command line, so a config file's `format:` can speak otherwise. */
  readonly format?: LintFormat | undefined;
  readonly buildArgs?: Readonly<Record<string, string>>;
}

type Values = { -readonly [K in keyof LintConfig]?: LintConfig[K] };

export function configFromFlags(f: LintFlags): Result<Partial<LintConfig>> {
  const v: Values = {};
  if (f.ignore?.length) v.ignored = [...f.ignore];
  if (f.trustedRegistry?.length) v.trustedRegistries = [...f.trustedRegistry];
  if (f.buildArgs !== undefined) v.buildArgs = f.buildArgs;
  if (f.failureThreshold !== undefined) v.failureThreshold = f.failureThreshold;
  if (f.shellcheck !== undefined) v.shellcheck = f.shellcheck;
  if (f.format !== undefined) v.format = f.format;
  // A switch only ever turns its setting on: leaving it out must not undo a config file's `true`.
  if (f.strictLabels === true) v.strictLabels = true;
  if (f.disableIgnorePragma === true) v.disableIgnorePragma = true;
  if (f.verbose === true) v.verbose = true;
  if (f.fail === false) v.noFail = true;
  if (f.color === false) v.noColor = true;
  const overrides = overridesFromLists({ error: f.error, warning: f.warning, info: f.info, style: f.style });
  if (Object.keys(overrides).length > 0) v.overrides = overrides;
  if (f.requireLabel?.length) {
    const labels = labelSchemaFromSpecs(f.requireLabel, '--require-label', true);
    if (!labels.ok) return labels;
    v.labelSchema = labels.value;
  }
  return ok(v);
}
