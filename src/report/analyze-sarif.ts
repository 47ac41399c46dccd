// `analyze --format sarif`: image findings and failed budget rules as SARIF 2.1.0 results.
import type { Location, Log, Result } from 'sarif';
import { VERSION } from '../version.js';
import type { AnalyzeFinding, AnalyzeReport } from './analyze.js';
import { ruleDocsUrl } from './report.js';
import { SARIF_SCHEMA, WHITTLE_URI, artifactLocation } from './sarif.js';

function level(s: AnalyzeFinding['severity']): Result.level {
  return s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note';
}

function locations(ref: string, f: AnalyzeFinding): Location[] {
  if (f.file !== null) {
    return [{ physicalLocation: { artifactLocation: artifactLocation(f.file), ...(f.line === null ? {} : { region: { startLine: f.line } }) } }];
  }
  // An image path is no file in the repository: name it logically, image and layer first.
  const name = [ref, f.layer === null ? null : `layer ${f.layer}`, f.path].filter((x) => x !== null).join(' ');
  return [{ logicalLocations: [{ fullyQualifiedName: name, kind: 'resource' }] }];
}

export function renderAnalyzeSarif(r: AnalyzeReport): string {
  const ids = [...new Set(r.findings.map((f) => f.rule))].sort();
  const results: Result[] = r.findings.map((f) => ({
    ruleId: f.rule,
    level: level(f.severity),
    message: { text: f.message },
    locations: locations(r.image.ref, f),
    properties: { ...(f.bytes === undefined ? {} : { bytes: f.bytes }), ...(f.layer === null ? {} : { layer: f.layer }), ...(f.path === null ? {} : { path: f.path }) },
  }));
  for (const b of r.budget?.results ?? []) {
    if (b.status !== 'fail') continue;
    results.push({
      ruleId: b.rule,
      level: 'error',
      message: { text: `budget ${b.rule} failed: ${b.actual ?? 'n/a'} against limit ${b.limitText}` },
      locations: [{ logicalLocations: [{ fullyQualifiedName: r.image.ref, kind: 'resource' }] }],
    });
  }
  const log: Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'whittle', version: VERSION, informationUri: WHITTLE_URI, rules: ids.map((id) => ({ id, helpUri: ruleDocsUrl(id) })) } },
      results,
      properties: { image: r.image, reclaimableBytes: r.reclaimable.bytes, diveCompat: { efficiency: r.diveCompat.efficiency, wastedBytes: r.diveCompat.wastedBytes, userWastedPercent: r.diveCompat.userWastedPercent } },
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
