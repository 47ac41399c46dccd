// `lint --format junit`: JUnit XML for CI test tabs: a suite per Dockerfile, a failing case per finding.
import { describeError } from '../errors.js';
import type { Finding } from '../rules/rule.js';
import { FILE_ERROR_ID, findingFile } from './report.js';
import type { LintFileResult, LintReport, Reporter } from './report.js';
import { XML_DECLARATION, emptyElement, parentElement, textElement } from './xml.js';

const CASE = '    ';

function findingCase(f: Finding, file: LintFileResult): string[] {
  const name = findingFile(f, file);
  const line = f.location.line;
  const where = line === undefined ? name : `${name}:${line}:${f.location.column ?? 1}`;
  const body = [`${where} ${f.severity} ${f.rule}: ${f.message}`];
  if (f.aliases?.length) body.push(`also known as: ${f.aliases.join(', ')}`);
  const failure = textElement('failure', { type: f.severity, message: f.message }, body.join('\n'));
  const attrs = { name: line === undefined ? f.rule : `${f.rule} (line ${line})`, classname: name, file: name, line, time: 0 };
  return parentElement('testcase', attrs, [`${CASE}  ${failure}`], CASE);
}

function suite(file: LintFileResult): string[] {
  let cases: string[];
  if (file.error !== null) {
    const error = textElement('error', { type: file.error.code, message: file.error.message }, describeError(file.error));
    const attrs = { name: FILE_ERROR_ID, classname: file.file, file: file.file, line: file.error.where.line, time: 0 };
    cases = parentElement('testcase', attrs, [`${CASE}  ${error}`], CASE);
  } else if (file.findings.length === 0) {
    // A clean file still shows up as a passing test, so a CI tab lists everything that was checked.
    cases = [`${CASE}${emptyElement('testcase', { name: 'lint', classname: file.file, file: file.file, time: 0 })}`];
  } else {
    cases = file.findings.flatMap((f) => findingCase(f, file));
  }
  const attrs = {
    name: file.file,
    tests: file.error === null ? Math.max(1, file.findings.length) : 1,
    failures: file.findings.length,
    errors: file.error === null ? 0 : 1,
    skipped: 0,
    time: 0,
  };
  return parentElement('testsuite', attrs, cases, '  ');
}

export const lintJunit: Reporter<LintReport> = (report) => {
  const failures = report.files.reduce((n, f) => n + f.findings.length, 0);
  const errors = report.files.filter((f) => f.error !== null).length;
  const tests = report.files.reduce((n, f) => n + (f.error === null ? Math.max(1, f.findings.length) : 1), 0);
  const suites = report.files.flatMap(suite);
  const root = parentElement('testsuites', { name: 'whittle lint', tests, failures, errors, time: 0 }, suites);
  return `${[XML_DECLARATION, ...root].join('\n')}\n`;
};
