// `lint --format json`: one object for all files, schemaVersion first; see docs/json.md.
import type { LintReport, Reporter } from './report.js';

export const LINT_JSON_SCHEMA_VERSION = 1;

export const lintJson: Reporter<LintReport> = (report) => {
  const findings = report.files.flatMap((f) =>
    f.findings.map((x) => ({
      rule: x.rule,
      severity: x.severity,
      message: x.message,
      file: x.location.file ?? f.file,
      line: x.location.line ?? null,
      column: x.location.column ?? null,
      ...(x.location.endLine !== undefined ? { endLine: x.location.endLine } : {}),
      ...(x.aliases?.length ? { aliases: x.aliases } : {}),
      ...(x.bytes !== undefined ? { bytes: x.bytes } : {}),
      ...(x.cacheImpact !== undefined ? { cacheImpact: x.cacheImpact } : {}),
      fixable: (x.fix ?? []).length > 0,
    })),
  );
  const errors = report.files
    .filter((f) => f.error !== null)
    .map((f) => ({ file: f.file, line: f.error?.where.line ?? null, message: f.error?.message ?? '' }));
  return `${JSON.stringify({ schemaVersion: LINT_JSON_SCHEMA_VERSION, findings, errors, notes: report.notes }, null, 2)}\n`;
};
