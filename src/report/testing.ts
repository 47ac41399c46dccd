// Lint reports built in code for the reporter tests: the same three cases feed every format's golden files.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AjvDraft04 from 'ajv-draft-04';
import { WhittleError } from '../errors.js';
import type { Finding } from '../rules/rule.js';
import type { LintFileResult, LintReport } from './report.js';

export const REPORT_CASES = ['clean', 'mixed-severities', 'two-files-with-errors', 'buildkit-checks'] as const;
export type ReportCase = (typeof REPORT_CASES)[number];

/** A message that needs escaping in every format: quotes, markup, an entity, `%`, `:` and `,`, and a newline. */
export const AWKWARD_MESSAGE = 'label "description" holds <b>&amp; 100%\nsecond line: a, b';

const RULES: LintReport['rules'] = [
  { id: 'DL3000', title: 'Use absolute WORKDIR', category: 'correctness', severity: 'error', origin: 'hadolint' },
  { id: 'DL3008', title: 'Pin versions in apt-get install', category: 'cache', severity: 'warning', origin: 'hadolint' },
  { id: 'DL3009', title: 'Remove apt lists in the RUN that downloaded them', category: 'size', severity: 'info', origin: 'hadolint' },
  { id: 'DL3048', title: 'Use valid label keys', category: 'style', severity: 'style', origin: 'hadolint' },
  { id: 'DL3059', title: 'Consolidate consecutive RUN instructions', category: 'size', severity: 'info', origin: 'hadolint' },
  { id: 'JSONArgsRecommended', title: 'Use JSON arguments for CMD and ENTRYPOINT', category: 'correctness', severity: 'warning', origin: 'buildkit' },
  { id: 'WH100', title: 'Never fired in these fixtures', category: 'size', severity: 'ignore', origin: 'whittle' },
];

function finding(file: string, rule: string, severity: Finding['severity'], message: string, at: Partial<Finding['location']>, extra: Partial<Finding> = {}): Finding {
  return { rule, severity, message, location: { file, column: 1, ...at }, ...extra };
}

function cleanFiles(): LintFileResult[] {
  const file = 'Dockerfile';
  return [{ file, source: 'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r0\nUSER nobody\n', findings: [], error: null }];
}

function mixedFiles(): LintFileResult[] {
  const file = 'Dockerfile';
  const source = [
    '# syntax=docker/dockerfile:1',
    'FROM debian:12',
    'RUN apt-get update \\',
    '    && apt-get install -y curl',
    '\tWORKDIR app',
    'CMD node server.js',
    'LABEL Description="say \\"hi\\" <b>&amp; 100%"',
    '',
  ].join('\n');
  return [{
    file,
    source,
    error: null,
    findings: [
      finding(file, 'DL3008', 'warning', 'pin the versions of apt packages: curl', { line: 3, endLine: 4 }),
      finding(file, 'DL3009', 'info', 'package lists under /var/lib/apt/lists stay in this layer', { line: 3, endLine: 4 },
        { bytes: 19_512_345, fix: [{ start: 0, end: 0, text: '' }] }),
      finding(file, 'DL3000', 'error', 'WORKDIR "app" is relative; use an absolute path', { line: 5, column: 2, endLine: 5 }),
      finding(file, 'JSONArgsRecommended', 'warning', 'CMD in shell form does not pass signals to the process', { line: 6, endLine: 6 },
        { aliases: ['DL3025'], cacheImpact: 'no rebuild cost' }),
      finding(file, 'DL3048', 'style', AWKWARD_MESSAGE, { line: 7, column: 7, endLine: 7, endColumn: 18 }),
    ],
  }];
}

// BuildKit's checks as the linter reports them under `# check=error=true`: two findings on one line, and a
// hadolint finding that carries its BuildKit twin's name in `aliases`.
const BUILDKIT_RULES: LintReport['rules'] = [
  { id: 'DL3025', title: 'Use arguments JSON notation for CMD and ENTRYPOINT arguments', category: 'correctness', severity: 'warning', origin: 'hadolint' },
  { id: 'ExposeProtoCasing', title: 'Protocol in EXPOSE instruction should be lowercase', category: 'style', severity: 'warning', origin: 'buildkit' },
  { id: 'JSONArgsRecommended', title: 'JSON arguments recommended for ENTRYPOINT/CMD to prevent unintended behavior related to OS signals', category: 'correctness', severity: 'warning', origin: 'buildkit' },
  { id: 'LegacyKeyValueFormat', title: 'Legacy key/value format with whitespace separator should not be used', category: 'style', severity: 'warning', origin: 'buildkit' },
];

function buildkitFiles(): LintFileResult[] {
  const file = 'Dockerfile';
  const source = '# check=error=true;skip=StageNameCasing,NoSuchCheck\nFROM alpine:3.20 AS Build\nEXPOSE 80/TCP 53/UDP\nENV APP_HOME /srv\nCMD ./server\n';
  return [{
    file,
    source,
    error: null,
    findings: [
      finding(file, 'ExposeProtoCasing', 'error', "Defined protocol '80/TCP' in EXPOSE instruction should be lowercase", { line: 3, endLine: 3 }),
      finding(file, 'ExposeProtoCasing', 'error', "Defined protocol '53/UDP' in EXPOSE instruction should be lowercase", { line: 3, endLine: 3 }),
      finding(file, 'LegacyKeyValueFormat', 'error', '"ENV key=value" should be used instead of legacy "ENV key value" format', { line: 4, endLine: 4 }),
      finding(file, 'DL3025', 'error', 'write CMD in JSON (exec) form so the process receives signals', { line: 5, endLine: 5 }, { aliases: ['JSONArgsRecommended'] }),
    ],
  }];
}

function twoFilesWithErrors(): LintFileResult[] {
  const api = 'services/api/Dockerfile';
  const web = 'services/web app/Dockerfile.prod';
  const broken = 'services/broken/Dockerfile';
  return [
    {
      file: api,
      source: 'FROM node:20\nWORKDIR src\nRUN npm ci\nRUN npm run build\n',
      error: null,
      findings: [
        finding(api, 'DL3000', 'error', 'WORKDIR "src" is relative; use an absolute path', { line: 2, endLine: 2 }),
        finding(api, 'DL3059', 'info', 'RUN on line 3 can be merged into this one', { line: 4, endLine: 4 }),
      ],
    },
    {
      file: web,
      source: 'FROM nginx:1.27\nRUN echo $HOME > /tmp/home\n',
      error: null,
      findings: [
        finding(web, 'DL3000', 'error', 'a message that contains % and 50%25 and a tab\there', { line: 2, endLine: 2 }),
        finding(web, 'SC2086', 'info', 'Double quote to prevent globbing and word splitting.', { line: 2, column: 10, endLine: 2 }),
      ],
    },
    {
      file: broken,
      source: 'FROM alpine\nRUN echo ok\nRUN <<EOF\necho never closed\n',
      findings: [],
      error: new WhittleError('PARSE', 'unterminated heredoc <<EOF (no closing "EOF" line)', { file: broken, line: 3 }),
    },
    {
      file: 'missing/Dockerfile',
      source: null,
      findings: [],
      error: new WhittleError('IO', 'cannot read: no such file', { file: 'missing/Dockerfile' }),
    },
  ];
}

export function reportFor(name: ReportCase): LintReport {
  if (name === 'buildkit-checks') {
    return { files: buildkitFiles(), notes: ['Dockerfile:1: # check=: unknown rule "NoSuchCheck" in check options'], rules: BUILDKIT_RULES, toolVersion: '0.0.0-test' };
  }
  const files = name === 'clean' ? cleanFiles() : name === 'mixed-severities' ? mixedFiles() : twoFilesWithErrors();
  const notes = name === 'mixed-severities' ? ['ShellCheck is not installed; RUN scripts were checked by whittle\'s rules only'] : [];
  return { files, notes, rules: RULES, toolVersion: '0.0.0-test' };
}

// The official SARIF 2.1.0 schema (draft-04), as shipped by @microsoft/jest-sarif; compiled once, on first use.
let sarifValidator: ((log: unknown) => string[]) | undefined;

/** Schema violations of a SARIF log, as `path: message` lines; empty when it is valid. */
export function sarifSchemaErrors(log: unknown): string[] {
  if (sarifValidator === undefined) {
    const require = createRequire(import.meta.url);
    const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
    // The schema's language-tag pattern is invalid under the `u` flag Ajv uses by default, and Ajv has
    // no built-in formats: plain RegExps and URL parsing stand in.
    const regExp = Object.assign((source: string, flags: string) => new RegExp(source, flags.replace('u', '')), { code: 'new RegExp' });
    const ajv = new AjvDraft04.default({
      allErrors: true,
      strict: false,
      code: { regExp },
      formats: { uri: (s: string) => URL.canParse(s), 'uri-reference': (s: string) => URL.canParse(s, 'file:///base/'), 'date-time': true },
    });
    const validate = ajv.compile(schema);
    sarifValidator = (value) => (validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? e.keyword}`));
  }
  return sarifValidator(log);
}
