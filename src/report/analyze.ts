// What `whittle analyze` reports, as one plain object (the `--format json` contract), built from an analysis.
import type { AnalysisResult, LayerDetail } from '../analysis/run.js';
import type { DiveCompat } from '../analysis/dive.js';
import type { Reclaimable } from '../analysis/reclaimable.js';
import { redactSecrets } from '../analysis/redact.js';
import type { BudgetReport } from '../budget/budget.js';
import type { Finding, Severity } from '../rules/rule.js';
import { imageAndLayersJson } from './image-json.js';
import type { ImageJson, LayerJson } from './image-json.js';

export const ANALYZE_JSON_SCHEMA_VERSION = 1;

export type AnalyzeLayer = LayerJson;

export interface AnalyzeFinding {
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  readonly layer: number | null;
  readonly path: string | null;
  readonly file: string | null;
  readonly line: number | null;
  readonly bytes?: number;
  readonly aliases?: readonly string[];
  readonly docs?: string;
}

export interface AnalyzeReport {
  readonly schemaVersion: number;
  readonly image: ImageJson;
  readonly layers: readonly AnalyzeLayer[];
  readonly layerDetails: readonly (LayerDetail & { readonly command: string | null })[];
  readonly diveCompat: DiveCompat;
  readonly reclaimable: Reclaimable;
  readonly findings: readonly AnalyzeFinding[];
  /** Present when `--ci` evaluated a budget. */
  readonly budget?: BudgetReport;
  readonly notes: readonly string[];
}

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2, style: 3 };

function finding(f: Finding): AnalyzeFinding {
  const l = f.location;
  return {
    rule: f.rule,
    severity: f.severity,
    // Analyzers mask what they find; this catches a value that slipped into a message anyway.
    message: redactSecrets(f.message),
    layer: l.layer ?? null,
    path: l.path ?? null,
    file: l.file ?? null,
    line: l.line ?? null,
    ...(f.bytes !== undefined ? { bytes: f.bytes } : {}),
    ...(f.aliases?.length ? { aliases: f.aliases } : {}),
    ...(f.docs !== undefined ? { docs: f.docs } : {}),
  };
}

/** Findings most severe first, then most bytes, then by layer and path, so every format lists them alike. */
function ordered(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) =>
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]
    || (b.bytes ?? 0) - (a.bytes ?? 0)
    || (a.location.layer ?? -1) - (b.location.layer ?? -1)
    || (a.location.path ?? '').localeCompare(b.location.path ?? '')
    || a.rule.localeCompare(b.rule));
}

export function analyzeReport(a: AnalysisResult, budget: BudgetReport | null, notes: readonly string[] = []): AnalyzeReport {
  const { image, layers } = imageAndLayersJson(a.image, a.fs);
  const command = (i: number): string | null => {
    const c = a.layers[i]?.createdBy ?? null;
    return c === null ? null : redactSecrets(c);
  };
  return {
    schemaVersion: ANALYZE_JSON_SCHEMA_VERSION,
    image,
    layers,
    layerDetails: a.layerDetails.map((d) => ({ ...d, command: command(d.index) })),
    diveCompat: a.dive,
    reclaimable: a.reclaimable,
    findings: ordered(a.findings).map(finding),
    ...(budget === null ? {} : { budget }),
    notes,
  };
}

export function renderAnalyzeJson(r: AnalyzeReport): string {
  // JSON.stringify writes non-finite numbers as null, which is what the contract says for them.
  return `${JSON.stringify(r, null, 2)}\n`;
}
