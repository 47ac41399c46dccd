// The lint reporters by format; the type checker keeps the table complete.
import { lintCheckstyle } from './checkstyle.js';
import { lintGithub } from './github.js';
import { lintGitlab } from './gitlab.js';
import { lintHadolintJson } from './hadolint-json.js';
import { lintJson } from './json.js';
import { lintJunit } from './junit.js';
import type { LintReport, Reporter } from './report.js';
import { lintSarif } from './sarif.js';
import { lintTty } from './tty.js';

export const LINT_FORMATS = ['tty', 'json', 'sarif', 'junit', 'checkstyle', 'gitlab', 'github', 'hadolint-json'] as const;
export type LintFormat = (typeof LINT_FORMATS)[number];

export const lintReporters: Record<LintFormat, Reporter<LintReport>> = {
  tty: lintTty,
  json: lintJson,
  sarif: lintSarif,
  junit: lintJunit,
  checkstyle: lintCheckstyle,
  gitlab: lintGitlab,
  github: lintGithub,
  'hadolint-json': lintHadolintJson,
};
