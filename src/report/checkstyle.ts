// `lint --format checkstyle`: checkstyle's XML, one <file> per Dockerfile, one <error> per finding.
import type { Severity } from '../rules/rule.js';
import { FILE_ERROR_ID, findingFile } from './report.js';
import type { LintReport, Reporter } from './report.js';
import { XML_DECLARATION, emptyElement, parentElement } from './xml.js';

// Checkstyle knows error, warning, info and ignore; style findings are advice, so they sit with info.
const CHECKSTYLE_SEVERITY: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', info: 'info', style: 'info' };

export const lintCheckstyle: Reporter<LintReport> = (report) => {
  // A finding may name another file than the one linted (an included file); checkstyle groups by name.
  const byFile = new Map<string, string[]>();
  const entries = (name: string): string[] => {
    let list = byFile.get(name);
    if (list === undefined) byFile.set(name, (list = []));
    return list;
  };
  for (const file of report.files) {
    const list = entries(file.file);
    if (file.error !== null) {
      list.push(`    ${emptyElement('error', {
        line: file.error.where.line ?? 1,
        column: 1,
        severity: 'error',
        message: file.error.message,
        source: FILE_ERROR_ID,
      })}`);
    }
    for (const f of file.findings) {
      entries(findingFile(f, file)).push(`    ${emptyElement('error', {
        line: f.location.line ?? 1,
        column: f.location.column ?? 1,
        severity: CHECKSTYLE_SEVERITY[f.severity],
        message: f.message,
        source: f.rule,
      })}`);
    }
  }
  const files = [...byFile].flatMap(([name, errors]) => parentElement('file', { name }, errors, '  '));
  return `${[XML_DECLARATION, ...parentElement('checkstyle', { version: '4.3' }, files)].join('\n')}\n`;
};
