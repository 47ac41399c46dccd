// `lint --format gitlab`: GitLab Code Quality JSON, an array of issues keyed by a stable fingerprint.
import { createHash } from 'node:crypto';
import type { Severity } from '../rules/rule.js';
import { FILE_ERROR_ID, findingFile } from './report.js';
import type { LintReport, Reporter } from './report.js';

type GitlabSeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

// Ours has four levels and GitLab five: a file that could not be checked at all is the one blocker.
const GITLAB_SEVERITY: Readonly<Record<Severity, GitlabSeverity>> = { error: 'critical', warning: 'major', info: 'minor', style: 'info' };

interface CodeQualityIssue {
  readonly description: string;
  readonly check_name: string;
  readonly fingerprint: string;
  readonly severity: GitlabSeverity;
  readonly location: { readonly path: string; readonly lines: { readonly begin: number } };
}

/**
 * GitLab matches issues across pipelines by fingerprint, so it depends only on what identifies the
 * issue (not on its position in the output). NUL separates the parts so no two inputs collide.
 */
export function codeQualityFingerprint(path: string, line: number, rule: string, message: string, occurrence = 0): string {
  const parts = [path, String(line), rule, message, ...(occurrence > 0 ? [String(occurrence)] : [])];
  return createHash('sha256').update(parts.join('\0')).digest('hex');
}

export const lintGitlab: Reporter<LintReport> = (report) => {
  const issues: CodeQualityIssue[] = [];
  // Two identical issues on one line still need distinct fingerprints, or GitLab shows only one.
  const seen = new Map<string, number>();
  const add = (path: string, line: number, rule: string, description: string, severity: GitlabSeverity): void => {
    const key = [path, line, rule, description].join('\0');
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    issues.push({
      description,
      check_name: rule,
      fingerprint: codeQualityFingerprint(path, line, rule, description, occurrence),
      severity,
      location: { path, lines: { begin: line } },
    });
  };
  for (const file of report.files) {
    if (file.error !== null) add(file.file, file.error.where.line ?? 1, FILE_ERROR_ID, file.error.message, 'blocker');
    for (const f of file.findings) {
      add(findingFile(f, file), f.location.line ?? 1, f.rule, f.message, GITLAB_SEVERITY[f.severity]);
    }
  }
  return `${JSON.stringify(issues, null, 2)}\n`;
};
