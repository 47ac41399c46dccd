// What each machine format promises its consumers: valid SARIF, well-formed XML with the right counts,
// stable GitLab fingerprints, correctly escaped workflow commands and hadolint's exact JSON shape.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Log as SarifLog } from 'sarif';
import { WhittleError } from '../errors.js';
import type { Finding } from '../rules/rule.js';
import { lintCheckstyle } from './checkstyle.js';
import { escapeData, escapeProperty, lintGithub } from './github.js';
import { codeQualityFingerprint, lintGitlab } from './gitlab.js';
import { lintHadolintJson } from './hadolint-json.js';
import { lintJunit } from './junit.js';
import type { LintReport } from './report.js';
import { artifactLocation, lintSarif } from './sarif.js';
import { AWKWARD_MESSAGE, REPORT_CASES, reportFor, sarifSchemaErrors } from './testing.js';
import { lintTty } from './tty.js';
import { stripInvalidXml } from './xml.js';

const plain = { color: false };

function oneFile(message: string, file = 'Dockerfile', extra: Partial<Finding> = {}): LintReport {
  const finding: Finding = { rule: 'DL3000', severity: 'error', message, location: { file, line: 2, column: 1 }, ...extra };
  return { files: [{ file, source: 'FROM x\nWORKDIR y\n', findings: [finding], error: null }], notes: [], rules: [], toolVersion: '1.2.3' };
}

// ---- SARIF: the official 2.1.0 schema, checked with Ajv (see sarifSchemaErrors).

function assertValidSarif(text: string): void {
  const errors = sarifSchemaErrors(JSON.parse(text));
  assert.deepEqual(errors, [], JSON.stringify(errors, null, 2));
}

test('the schema check rejects what is not SARIF', () => {
  const bad = { version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'style' }] }] };
  assert.notDeepEqual(sarifSchemaErrors(bad), []);
  assert.notDeepEqual(sarifSchemaErrors({ version: '2.1.0', runs: [{}] }), []);
});

for (const name of REPORT_CASES) {
  test(`sarif ${name} is valid SARIF 2.1.0 and carries every finding and file error`, () => {
    const report = reportFor(name);
    const text = lintSarif(report, plain);
    assertValidSarif(text);
    const log = JSON.parse(text) as SarifLog;
    const run = log.runs[0];
    assert.ok(run);
    const findings = report.files.flatMap((f) => f.findings);
    assert.equal(run.results?.length, findings.length);
    const rules = run.tool.driver.rules ?? [];
    for (const r of run.results ?? []) {
      assert.equal(rules[r.ruleIndex ?? -1]?.id, r.ruleId, 'ruleIndex points at the rule');
      assert.ok(['error', 'warning', 'note'].includes(r.level ?? ''));
    }
    const errors = report.files.filter((f) => f.error !== null).length;
    const notifications = run.invocations?.[0]?.toolExecutionNotifications ?? [];
    assert.equal(notifications.filter((n) => n.level === 'error').length, errors);
    assert.equal(run.invocations?.[0]?.executionSuccessful, errors === 0);
  });
}

test('sarif maps style to note, keeps aliases, and names the parse error line', () => {
  const log = JSON.parse(lintSarif(reportFor('mixed-severities'), plain)) as SarifLog;
  const results = log.runs[0]?.results ?? [];
  assert.equal(results.find((r) => r.ruleId === 'DL3048')?.level, 'note');
  assert.deepEqual(results.find((r) => r.ruleId === 'JSONArgsRecommended')?.properties?.aliases, ['DL3025']);
  const broken = JSON.parse(lintSarif(reportFor('two-files-with-errors'), plain)) as SarifLog;
  const parse = broken.runs[0]?.invocations?.[0]?.toolExecutionNotifications?.[0];
  assert.equal(parse?.locations?.[0]?.physicalLocation?.region?.startLine, 3);
});

test('sarif URIs: relative stay relative, absolute become file URIs, odd characters are encoded', () => {
  assert.deepEqual(artifactLocation('build/Dockerfile'), { uri: 'build/Dockerfile', uriBaseId: '%SRCROOT%' });
  assert.deepEqual(artifactLocation('a b/#1%.Dockerfile'), { uri: 'a%20b/%231%25.Dockerfile', uriBaseId: '%SRCROOT%' });
  assert.deepEqual(artifactLocation('c:odd'), { uri: 'c%3Aodd', uriBaseId: '%SRCROOT%' });
  assert.deepEqual(artifactLocation('/srv/app/Dockerfile'), { uri: 'file:///srv/app/Dockerfile' });
  assert.deepEqual(artifactLocation('C:\\work\\Dockerfile'), { uri: 'file:///C:/work/Dockerfile' });
  assertValidSarif(lintSarif(oneFile('m', '/abs/dir with space/Dockerfile'), plain));
});

// ---- XML formats: well-formed, the right counts, and text that survives the round trip.

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  // Character references such as &#10; are decoded only with this on.
  htmlEntities: true,
  isArray: (name, _path, _leaf, isAttribute) => !isAttribute && ['testsuite', 'testcase', 'file', 'error', 'failure'].includes(name),
});

interface XmlNode { readonly [key: string]: string | XmlNode[] | undefined }

function parseXml(text: string): XmlNode {
  const valid = XMLValidator.validate(text);
  assert.equal(valid, true, `well-formed XML: ${JSON.stringify(valid)}`);
  return parser.parse(text) as XmlNode;
}

function children(node: XmlNode | undefined, name: string): XmlNode[] {
  const v = node?.[name];
  return Array.isArray(v) ? v : [];
}

function attr(node: XmlNode | undefined, name: string): string | undefined {
  const v = node?.[name];
  return typeof v === 'string' ? v : undefined;
}

for (const name of REPORT_CASES) {
  test(`junit ${name} is well-formed with one case per finding, error or clean file`, () => {
    const report = reportFor(name);
    const doc = parseXml(lintJunit(report, plain));
    const root = (doc.testsuites as unknown as XmlNode);
    const suites = children(root, 'testsuite');
    assert.equal(suites.length, report.files.length);
    const findings = report.files.reduce((n, f) => n + f.findings.length, 0);
    const errors = report.files.filter((f) => f.error !== null).length;
    const clean = report.files.filter((f) => f.error === null && f.findings.length === 0).length;
    assert.equal(attr(root, 'failures'), String(findings));
    assert.equal(attr(root, 'errors'), String(errors));
    assert.equal(attr(root, 'tests'), String(findings + errors + clean));
    const cases = suites.flatMap((s) => children(s, 'testcase'));
    assert.equal(cases.length, findings + errors + clean);
    assert.equal(cases.flatMap((c) => children(c, 'failure')).length, findings);
    assert.equal(cases.flatMap((c) => children(c, 'error')).length, errors);
    suites.forEach((s, i) => assert.equal(attr(s, 'name'), report.files[i]?.file));
  });

  test(`checkstyle ${name} is well-formed with one <error> per finding or file error`, () => {
    const report = reportFor(name);
    const doc = parseXml(lintCheckstyle(report, plain));
    const files = children(doc.checkstyle as unknown as XmlNode, 'file');
    assert.deepEqual(files.map((f) => attr(f, 'name')), report.files.map((f) => f.file));
    files.forEach((f, i) => {
      const r = report.files[i];
      assert.equal(children(f, 'error').length, (r?.findings.length ?? 0) + (r?.error ? 1 : 0));
    });
  });
}

test('xml formats carry quotes, markup, ampersands and newlines through unchanged', () => {
  const junit = parseXml(lintJunit(reportFor('mixed-severities'), plain));
  const failures = children(junit.testsuites as unknown as XmlNode, 'testsuite')
    .flatMap((s) => children(s, 'testcase')).flatMap((c) => children(c, 'failure'));
  assert.ok(failures.some((f) => attr(f, 'message') === AWKWARD_MESSAGE), 'message attribute round-trips');
  assert.ok(failures.some((f) => (attr(f, '#text') ?? '').includes(AWKWARD_MESSAGE)), 'element text round-trips');
  const cs = parseXml(lintCheckstyle(reportFor('mixed-severities'), plain));
  const errors = children(cs.checkstyle as unknown as XmlNode, 'file').flatMap((f) => children(f, 'error'));
  assert.ok(errors.some((e) => attr(e, 'message') === AWKWARD_MESSAGE));
  assert.equal(errors.find((e) => attr(e, 'source') === 'DL3048')?.severity, 'info', 'style sits with info');
});

test('xml formats drop characters XML cannot carry, and stay well-formed', () => {
  const nasty = 'bell\u0007 nul\u0000 esc\u001b[31m lone\uD800 surrogate ]]> end \uFFFE';
  for (const render of [lintJunit, lintCheckstyle]) {
    const text = render(oneFile(nasty, 'odd<&>"\'.Dockerfile'), plain);
    parseXml(text);
    assert.doesNotMatch(text, /[\u0000\u0007\u001b\uFFFE]/);
    assert.doesNotMatch(text, /]]>/);
  }
  assert.equal(stripInvalidXml('a\u0000b\tc\n\u{1F600}'), 'ab\tc\n\u{1F600}');
});

test('junit: a clean file is one passing test case', () => {
  const doc = parseXml(lintJunit(reportFor('clean'), plain));
  const cases = children(doc.testsuites as unknown as XmlNode, 'testsuite').flatMap((s) => children(s, 'testcase'));
  assert.equal(cases.length, 1);
  assert.equal(children(cases[0], 'failure').length + children(cases[0], 'error').length, 0);
});

// ---- GitLab Code Quality.

test('gitlab fingerprints are sha256 hex, unique, stable, and follow file, line, rule and message', () => {
  const issues = JSON.parse(lintGitlab(reportFor('two-files-with-errors'), plain)) as { fingerprint: string; severity: string; check_name: string }[];
  for (const i of issues) assert.match(i.fingerprint, /^[0-9a-f]{64}$/);
  assert.equal(new Set(issues.map((i) => i.fingerprint)).size, issues.length);
  assert.equal(lintGitlab(reportFor('two-files-with-errors'), plain), lintGitlab(reportFor('two-files-with-errors'), plain));
  const base = codeQualityFingerprint('Dockerfile', 2, 'DL3000', 'm');
  assert.notEqual(codeQualityFingerprint('Dockerfile2', 2, 'DL3000', 'm'), base);
  assert.notEqual(codeQualityFingerprint('Dockerfile', 3, 'DL3000', 'm'), base);
  assert.notEqual(codeQualityFingerprint('Dockerfile', 2, 'DL3001', 'm'), base);
  assert.notEqual(codeQualityFingerprint('Dockerfile', 2, 'DL3000', 'n'), base);
  assert.equal(issues.filter((i) => i.check_name === 'DL1000').every((i) => i.severity === 'blocker'), true);
});

test('gitlab: severities map onto its five levels, and identical issues still differ', () => {
  const issues = JSON.parse(lintGitlab(reportFor('mixed-severities'), plain)) as { severity: string; check_name: string }[];
  assert.deepEqual(issues.map((i) => i.severity), ['major', 'minor', 'critical', 'major', 'info']);
  const twice = oneFile('same');
  const file = twice.files[0];
  assert.ok(file);
  const doubled: LintReport = { ...twice, files: [{ ...file, findings: [...file.findings, ...file.findings] }] };
  const fps = (JSON.parse(lintGitlab(doubled, plain)) as { fingerprint: string }[]).map((i) => i.fingerprint);
  assert.equal(new Set(fps).size, 2);
});

// ---- GitHub workflow commands.

test('github escapes %, CR and LF in messages, and : and , in properties too', () => {
  assert.equal(escapeData('100% done\r\nnext'), '100%25 done%0D%0Anext');
  assert.equal(escapeProperty('a:b,c%d\ne'), 'a%3Ab%2Cc%25d%0Ae');
  const out = lintGithub(oneFile('50% off\nreally: yes, sir', 'dir:x,y/Dockerfile'), plain);
  assert.equal(out, '::error file=dir%3Ax%2Cy/Dockerfile,line=2,col=1,title=DL3000::50%25 off%0Areally: yes, sir\n');
  const lines = lintGithub(reportFor('mixed-severities'), plain).trimEnd().split('\n');
  assert.equal(lines.length, 6, 'one command per finding and note, never split by a newline');
  for (const l of lines) assert.match(l, /^::(error|warning|notice)( [^:]+)?::/);
});

// ---- hadolint's JSON.

test('hadolint-json has hadolint\'s keys in hadolint\'s order; aliases print under the primary id', () => {
  const entries = JSON.parse(lintHadolintJson(reportFor('mixed-severities'), plain)) as Record<string, unknown>[];
  for (const e of entries) assert.deepEqual(Object.keys(e), ['code', 'column', 'file', 'level', 'line', 'message']);
  assert.deepEqual(entries.map((e) => e.code), ['DL3008', 'DL3009', 'DL3000', 'JSONArgsRecommended', 'DL3048']);
  const broken = JSON.parse(lintHadolintJson(reportFor('two-files-with-errors'), plain)) as Record<string, unknown>[];
  assert.deepEqual(broken.filter((e) => e.code === 'DL1000').map((e) => [e.file, e.line, e.level]), [
    ['services/broken/Dockerfile', 3, 'error'],
    ['missing/Dockerfile', 1, 'error'],
  ]);
});

// ---- tty.

test('tty groups by file, quotes the line with a caret under the column, and sums up', () => {
  const out = lintTty(reportFor('two-files-with-errors'), plain);
  const lines = out.split('\n');
  const sc = lines.findIndex((l) => l.includes('SC2086'));
  assert.equal(lines[sc + 1], '    │ RUN echo $HOME > /tmp/home');
  assert.equal(lines[sc + 2], '    │          ^');
  assert.ok(out.indexOf('services/api/Dockerfile') < out.indexOf('services/web app/Dockerfile.prod'));
  assert.match(out, /4 files: 4 findings \(2 error, 0 warning, 2 info, 0 style\), 2 not linted\n$/);
  assert.match(lintTty(reportFor('clean'), plain), /^✓ 1 file: 0 findings/);
});

test('tty never prints terminal control sequences from a Dockerfile or message', () => {
  const report = oneFile('evil\u001b[2J message');
  const file = report.files[0];
  assert.ok(file);
  const out = lintTty({ ...report, files: [{ ...file, source: 'FROM x\nWORKDIR \u001b]0;title\u0007y\n' }] }, plain);
  assert.doesNotMatch(out, /[\u001b\u0007]/);
});

test('tty prints a file error with its line', () => {
  const error = new WhittleError('PARSE', 'unknown instruction "FORM"', { file: 'Dockerfile', line: 1 });
  const out = lintTty({ files: [{ file: 'Dockerfile', source: 'FORM x\n', findings: [], error }], notes: [], rules: [], toolVersion: '1' }, plain);
  assert.match(out, /^Dockerfile\n {2}1 error {3}unknown instruction "FORM"\n {4}│ FORM x\n/);
});
