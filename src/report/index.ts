// The lint reporters by format; the type checker keeps the table complete.
import { lintJson } from './json.js';
import type { LintReport, Reporter } from './report.js';
import { lintTty } from './tty.js';

export const LINT_FORMATS = ['tty', 'json'] as const;
export type LintFormat = (typeof LINT_FORMATS)[number];

export const lintReporters: Record<LintFormat, Reporter<LintReport>> = {
  tty: lintTty,
  json: lintJson,
};
