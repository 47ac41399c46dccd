// What a lint run hands to reporters: per file, its findings or the error that stopped it.
import type { WhittleError } from '../errors.js';
import type { Finding, Rule, Severity } from '../rules/rule.js';

export interface LintFileResult {
  readonly file: string;
  /** Source text, for reporters that quote the line (tty). */
  readonly source: string | null;
  readonly findings: readonly Finding[];
  /** Set when the file could not be read or parsed; its findings are then empty. */
  readonly error: WhittleError | null;
}

export interface LintReport {
  readonly files: readonly LintFileResult[];
  /** One-line notes for the user (ShellCheck not installed, ...). */
  readonly notes: readonly string[];
  /** Rule metadata for formats that describe rules (SARIF). */
  readonly rules: readonly Pick<Rule, 'id' | 'title' | 'category' | 'severity' | 'origin'>[];
  readonly toolVersion: string;
}

export interface RenderOptions {
  readonly color: boolean;
}

export type Reporter<R> = (report: R, options: RenderOptions) => string;

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2, style: 3 };

export function allFindings(report: LintReport): Finding[] {
  return report.files.flatMap((f) => f.findings);
}

/** The file a finding is reported against: its own location when it names one, else the file linted. */
export function findingFile(finding: Finding, file: LintFileResult): string {
  return finding.location.file ?? file.file;
}

/**
 * The id under which machine formats report a file that could not be read or parsed: hadolint's code for
 * the same event, so tools that already understand hadolint's output recognise it.
 */
export const FILE_ERROR_ID = 'DL1000';

/** Docs address of a rule (SARIF helpUri, JSON `docs`). */
export function ruleDocsUrl(id: string): string {
  if (/^SC\d+$/.test(id)) return `https://www.shellcheck.net/wiki/${id}`;
  return `https://github.com/whittle-dev/whittle/blob/main/docs/rules/${id}.md`;
}
