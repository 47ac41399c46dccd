// `analyze --format junit`: a suite of findings and a suite of budget rules, for CI test tabs.
import type { AnalyzeReport } from './analyze.js';
import { budgetLine } from './analyze-tty.js';
import { XML_DECLARATION, emptyElement, parentElement, textElement } from './xml.js';

const CASE = '    ';

export function renderAnalyzeJunit(r: AnalyzeReport): string {
  const image = r.image.ref;
  const findingCases = r.findings.length === 0
    ? [`${CASE}${emptyElement('testcase', { name: 'analyze', classname: image, time: 0 })}`]
    : r.findings.flatMap((f) => {
      const where = [f.layer === null ? '' : `layer ${f.layer}`, f.path ?? '', f.file === null ? '' : `${f.file}${f.line === null ? '' : `:${f.line}`}`].filter(Boolean).join(' ');
      const failure = textElement('failure', { type: f.severity, message: f.message }, `${where} ${f.severity} ${f.rule}: ${f.message}`.trim());
      return parentElement('testcase', { name: where ? `${f.rule} (${where})` : f.rule, classname: image, time: 0 }, [`${CASE}  ${failure}`], CASE);
    });
  const suites = parentElement('testsuite', { name: `${image} findings`, tests: Math.max(1, r.findings.length), failures: r.findings.length, errors: 0, skipped: 0, time: 0 }, findingCases, '  ');
  let tests = Math.max(1, r.findings.length);
  let failures = r.findings.length;
  if (r.budget !== undefined) {
    const results = r.budget.results;
    const cases = results.flatMap((b) => {
      const child = b.status === 'fail'
        ? [`${CASE}  ${textElement('failure', { type: 'budget', message: budgetLine(b) }, budgetLine(b))}`]
        : b.status === 'skip' ? [`${CASE}  ${emptyElement('skipped', { message: budgetLine(b) })}`] : [];
      return parentElement('testcase', { name: b.rule, classname: `${image} budget`, time: 0 }, child, CASE);
    });
    const failed = results.filter((b) => b.status === 'fail').length;
    suites.push(...parentElement('testsuite', { name: `${image} budget`, tests: results.length, failures: failed, errors: 0, skipped: results.filter((b) => b.status === 'skip').length, time: 0 }, cases, '  '));
    tests += results.length;
    failures += failed;
  }
  const root = parentElement('testsuites', { name: 'whittle analyze', tests, failures, errors: 0, time: 0 }, suites);
  return `${[XML_DECLARATION, ...root].join('\n')}\n`;
}
