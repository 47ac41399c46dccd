// `lint --format hadolint-json`: hadolint's own JSON array, for tools that already consume hadolint.
import { FILE_ERROR_ID, findingFile } from './report.js';
import type { LintReport, Reporter } from './report.js';

// hadolint prints each object with its keys sorted (code, column, file, level, line, message); consumers
// compare whole objects in tests, so the order is kept exactly. Severity words are the same as ours.
interface HadolintEntry {
  readonly code: string;
  readonly column: number;
  readonly file: string;
  readonly level: string;
  readonly line: number;
  readonly message: string;
}

export const lintHadolintJson: Reporter<LintReport> = (report) => {
  const entries: HadolintEntry[] = [];
  for (const file of report.files) {
    if (file.error !== null) {
      // hadolint reports a file it cannot parse as one DL1000 error at the failing position.
      entries.push({ code: FILE_ERROR_ID, column: 1, file: file.file, level: 'error', line: file.error.where.line ?? 1, message: file.error.message });
    }
    for (const f of file.findings) {
      entries.push({
        // A merged finding keeps its primary id; its aliases have no place in hadolint's shape.
        code: f.rule,
        column: f.location.column ?? 1,
        file: findingFile(f, file),
        level: f.severity,
        line: f.location.line ?? 1,
        message: f.message,
      });
    }
  }
  return `${JSON.stringify(entries)}\n`;
};
