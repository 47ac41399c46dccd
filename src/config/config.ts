// The resolved lint configuration and the one pure merge that builds it from layers
// (defaults < config file < environment < flags).
import type { LintFormat } from '../report/index.js';
import type { LabelType, RuleSeverity, Severity } from '../rules/rule.js';

export type FailureThreshold = Severity | 'none';
export type ShellcheckMode = 'auto' | 'on' | 'off';

export interface LintConfig {
  readonly failureThreshold: FailureThreshold;
  /** Rule ids (or aliases) never reported. */
  readonly ignored: readonly string[];
  /** Rule id -> severity (`ignore` turns it off); hadolint's `override` lists land here. */
  readonly overrides: Readonly<Record<string, RuleSeverity>>;
  readonly trustedRegistries: readonly string[];
  readonly labelSchema: Readonly<Record<string, LabelType>>;
  readonly strictLabels: boolean;
  readonly disableIgnorePragma: boolean;
  readonly noFail: boolean;
  readonly noColor: boolean;
  readonly shellcheck: ShellcheckMode;
  readonly buildArgs: Readonly<Record<string, string>>;
  /** Output format chosen by config (`format:`, HADOLINT_FORMAT, `--format`); the CLI's default when absent. */
  readonly format?: LintFormat;
  /** Tell stderr which config file was used (hadolint's `--verbose`). */
  readonly verbose?: boolean;
  /** The config file the settings came from, if any (set by the loader, for `--verbose`). */
  readonly configFile?: string;
}

export const DEFAULT_LINT_CONFIG: LintConfig = Object.freeze({
  failureThreshold: 'info',
  ignored: [],
  overrides: {},
  trustedRegistries: [],
  labelSchema: {},
  strictLabels: false,
  disableIgnorePragma: false,
  noFail: false,
  noColor: false,
  shellcheck: 'auto',
  buildArgs: {},
});

/** One layer of configuration and where it came from (for error messages). */
export interface ConfigLayer {
  readonly origin: string;
  readonly values: Partial<LintConfig>;
}

/** Merge layers in order: scalars replace, lists add up, maps merge key by key. */
export function mergeConfig(layers: readonly ConfigLayer[], base: LintConfig = DEFAULT_LINT_CONFIG): LintConfig {
  let config: LintConfig = base;
  for (const { values } of layers) {
    config = {
      ...config,
      ...values,
      ignored: [...new Set([...config.ignored, ...(values.ignored ?? [])])],
      trustedRegistries: [...new Set([...config.trustedRegistries, ...(values.trustedRegistries ?? [])])],
      overrides: { ...config.overrides, ...values.overrides },
      labelSchema: { ...config.labelSchema, ...values.labelSchema },
      buildArgs: { ...config.buildArgs, ...values.buildArgs },
    };
  }
  return Object.freeze(config);
}
