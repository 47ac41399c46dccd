// `lint --format sarif`: SARIF 2.1.0 for code-scanning dashboards; one run, rules described once.
import type { Location, Log, Notification, ReportingDescriptor, Result } from 'sarif';
import type { WhittleError } from '../errors.js';
import type { Finding, RuleSeverity } from '../rules/rule.js';
import { FILE_ERROR_ID, findingFile, ruleDocsUrl } from './report.js';
import type { LintReport, Reporter } from './report.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const WHITTLE_URI = 'https://github.com/whittle-dev/whittle';

// SARIF has three levels of result; info and style are both advice ("note").
function levelOf(severity: RuleSeverity): Result.level {
  switch (severity) {
    case 'error': return 'error';
    case 'warning': return 'warning';
    case 'info':
    case 'style': return 'note';
    case 'ignore': return 'none';
  }
}

/**
 * A file name as a URI reference. Relative names stay relative (to %SRCROOT%), which is what code-scanning
 * services resolve against the repository; absolute ones become file: URIs. Every segment is
 * percent-encoded, so spaces, `#`, `%` or a `:` that would look like a scheme cannot change the meaning.
 */
export function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  const slashed = file.replace(/\\/g, '/');
  const encode = (p: string): string => p.split('/').map(encodeURIComponent).join('/');
  const drive = /^([A-Za-z]):\//.exec(slashed);
  if (drive !== null) return { uri: `file:///${drive[1] ?? ''}:/${encode(slashed.slice(3))}` };
  if (slashed.startsWith('/')) return { uri: `file://${encode(slashed)}` };
  return { uri: encode(slashed), uriBaseId: '%SRCROOT%' };
}

function findingLocation(file: string, f: Finding): Location {
  const { line, column, endLine, endColumn } = f.location;
  if (line === undefined) return { physicalLocation: { artifactLocation: artifactLocation(file) } };
  const end = endLine !== undefined && endLine >= line ? endLine : line;
  return {
    physicalLocation: {
      artifactLocation: artifactLocation(file),
      region: {
        startLine: line,
        ...(column !== undefined ? { startColumn: column } : {}),
        endLine: end,
        ...(endColumn !== undefined && endLine !== undefined && column !== undefined ? { endColumn } : {}),
      },
    },
  };
}

function errorNotification(file: string, error: WhittleError): Notification {
  const line = error.where.line;
  return {
    level: 'error',
    descriptor: { id: FILE_ERROR_ID },
    message: { text: error.message },
    locations: [{
      physicalLocation: {
        artifactLocation: artifactLocation(file),
        ...(line !== undefined ? { region: { startLine: line } } : {}),
      },
    }],
  };
}

export const lintSarif: Reporter<LintReport> = (report) => {
  const known = new Map(report.rules.map((r) => [r.id, r]));
  // Only the rules that fired are described: a log that lists every rule on every run is mostly noise.
  const descriptors: ReportingDescriptor[] = [];
  const indexOf = new Map<string, number>();
  const ruleIndex = (id: string): number => {
    const seen = indexOf.get(id);
    if (seen !== undefined) return seen;
    const meta = known.get(id);
    if (meta !== undefined) {
      descriptors.push({
        id,
        shortDescription: { text: meta.title },
        helpUri: ruleDocsUrl(id),
        defaultConfiguration: { level: levelOf(meta.severity) },
        properties: { category: meta.category, origin: meta.origin },
      });
    } else {
      // ShellCheck's codes come from the shellcheck binary, not from the registry: all we know is whose they are.
      const shellcheck = /^SC\d+$/.test(id);
      descriptors.push({
        id,
        ...(shellcheck ? { shortDescription: { text: `ShellCheck ${id}` } } : {}),
        helpUri: ruleDocsUrl(id),
        ...(shellcheck ? { properties: { origin: 'shellcheck' } } : {}),
      });
    }
    indexOf.set(id, descriptors.length - 1);
    return descriptors.length - 1;
  };

  const results: Result[] = [];
  const notifications: Notification[] = [];
  for (const file of report.files) {
    if (file.error !== null) notifications.push(errorNotification(file.file, file.error));
    for (const f of file.findings) {
      const extra = {
        ...(f.aliases?.length ? { aliases: [...f.aliases] } : {}),
        ...(f.bytes !== undefined ? { bytes: f.bytes } : {}),
        ...(f.cacheImpact !== undefined ? { cacheImpact: f.cacheImpact } : {}),
      };
      results.push({
        ruleId: f.rule,
        ruleIndex: ruleIndex(f.rule),
        level: levelOf(f.severity),
        message: { text: f.message },
        locations: [findingLocation(findingFile(f, file), f)],
        ...(Object.keys(extra).length ? { properties: extra } : {}),
      });
    }
  }
  for (const note of report.notes) notifications.push({ level: 'note', message: { text: note } });

  const log: Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'whittle',
          version: report.toolVersion,
          semanticVersion: report.toolVersion,
          informationUri: WHITTLE_URI,
          rules: descriptors,
        },
      },
      invocations: [{
        executionSuccessful: report.files.every((f) => f.error === null),
        ...(notifications.length ? { toolExecutionNotifications: notifications } : {}),
      }],
      // Our columns count UTF-16 code units (JavaScript string offsets), which SARIF must be told.
      columnKind: 'utf16CodeUnits',
      results,
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
