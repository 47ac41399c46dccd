// Config files (`.whittle.yaml` strictly, `.hadolint.yaml` as hadolint reads it) -> one layer; errors name the line.
import path from 'node:path';
import { LineCounter, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import { z } from 'zod';
import { WhittleError, err, ok } from '../errors.js';
import type { Result } from '../errors.js';
import { LINT_FORMATS } from '../report/index.js';
import type { LintFormat } from '../report/index.js';
import type { LabelType } from '../rules/rule.js';
import type { ConfigLayer, LintConfig } from './config.js';
import {
  FAILURE_THRESHOLDS, HADOLINT_FORMATS, HADOLINT_LABEL_TYPES, HADOLINT_THRESHOLDS, LABEL_TYPES, OVERRIDE_ORDER, SHELLCHECK_MODES,
  describeValue, formatFromHadolint, labelTypeFromHadolint, overridesFromLists, thresholdFromHadolint,
} from './values.js';

export type Dialect = 'whittle' | 'hadolint';

type Path = readonly PropertyKey[];
type Values = { -readonly [K in keyof LintConfig]?: LintConfig[K] };

// Rule ids come from several rulesets (DL, SC, WH, BuildKit names), so any string is an id; only its type is checked.
const ruleIds = z.array(z.string());

const whittleSchema = z
  .strictObject({
    failureThreshold: z.enum(FAILURE_THRESHOLDS),
    ignore: ruleIds,
    override: z.strictObject({ error: ruleIds, warning: ruleIds, info: ruleIds, style: ruleIds, ignore: ruleIds }).partial(),
    trustedRegistries: z.array(z.string()),
    labelSchema: z.record(z.string(), z.enum([...LABEL_TYPES, 'hash'])),
    strictLabels: z.boolean(),
    disableIgnorePragma: z.boolean(),
    noFail: z.boolean(),
    noColor: z.boolean(),
    verbose: z.boolean(),
    shellcheck: z.enum(SHELLCHECK_MODES),
    format: z.enum(LINT_FORMATS),
    buildArgs: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]).transform(String)),
    // `whittle analyze --ci` reads and checks this section itself (src/budget/whittle.ts); lint only accepts it.
    budget: z.unknown(),
  })
  .partial();

// hadolint ignores keys it does not know, and so does this schema: a `.hadolint.yaml` that works there works here.
const hadolintSchema = z
  .object({
    'no-fail': z.boolean(),
    'no-color': z.boolean(),
    verbose: z.boolean(),
    format: z.enum(HADOLINT_FORMATS),
    formats: z.array(z.enum(HADOLINT_FORMATS)),
    override: z.object({ error: ruleIds, warning: ruleIds, info: ruleIds, style: ruleIds }).partial(),
    ignored: ruleIds,
    // hadolint documents a lone string as well as a list here.
    trustedRegistries: z.preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(z.string())),
    'label-schema': z.record(z.string(), z.enum(HADOLINT_LABEL_TYPES)),
    'strict-labels': z.boolean(),
    'disable-ignore-pragma': z.boolean(),
    'failure-threshold': z.enum(HADOLINT_THRESHOLDS),
  })
  .partial();

const WHITTLE_KEYS = Object.keys(whittleSchema.shape);
const HADOLINT_KEYS = Object.keys(hadolintSchema.shape);

/** What whittle calls the hadolint keys it spells differently (for the unknown-key message). */
const WHITTLE_SPELLING: Readonly<Record<string, string>> = {
  'failure-threshold': 'failureThreshold',
  ignored: 'ignore',
  'label-schema': 'labelSchema',
  'strict-labels': 'strictLabels',
  'disable-ignore-pragma': 'disableIgnorePragma',
  'no-fail': 'noFail',
  'no-color': 'noColor',
  formats: 'format',
};

/** The dialect a file name announces, if it announces one. */
export function dialectFromName(file: string): Dialect | undefined {
  // The folder counts too: hadolint also reads ~/.hadolint/config.yaml.
  for (const name of [path.basename(file), path.basename(path.dirname(file))].map((n) => n.toLowerCase())) {
    if (name.includes('whittle')) return 'whittle';
    if (name.includes('hadolint')) return 'hadolint';
  }
  return undefined;
}

/**
 * A file whose name says nothing: a key only whittle knows means whittle (whose strict schema then reports
 * any hadolint key by line); else a key only hadolint knows means hadolint; else whittle.
 */
export function sniffDialect(keys: readonly string[]): Dialect {
  if (keys.some((k) => WHITTLE_KEYS.includes(k) && !HADOLINT_KEYS.includes(k))) return 'whittle';
  if (keys.some((k) => HADOLINT_KEYS.includes(k) && !WHITTLE_KEYS.includes(k))) return 'hadolint';
  return 'whittle';
}

interface Located {
  readonly path: Path;
  readonly message: string;
  /** Point at the key itself rather than its value (unknown keys). */
  readonly atKey?: boolean;
}

/** Parse one config file; `dialect` undefined: told by the file's name, else sniffed from its keys. */
export function parseConfigFile(text: string, file: string, dialect?: Dialect): Result<ConfigLayer> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true });
  const yamlError = doc.errors[0];
  if (yamlError !== undefined) {
    const line = yamlError.linePos?.[0].line ?? lineCounter.linePos(yamlError.pos[0]).line;
    // yaml appends " at line L, column C:" and a source excerpt; the line number goes in `where` instead.
    const first = (yamlError.message.split('\n')[0] ?? '')
      .replace(/ at line \d+, column \d+:?$/, '')
      .replace(/; please use YAML\.parseAllDocuments\(\)/, '; a config file holds one');
    return err(new WhittleError('CONFIG', `invalid YAML: ${first}`, { file, line }));
  }
  const fail = (problem: Located): Result<ConfigLayer> => {
    const line = lineOf(doc.contents, lineCounter, problem.path, problem.atKey === true);
    return err(new WhittleError('CONFIG', problem.message, line === undefined ? { file } : { file, line }));
  };
  const data: unknown = doc.toJS();
  // An empty file (or one of only comments) configures nothing; hadolint warns and goes on with defaults.
  if (data === null || data === undefined) return ok({ origin: file, values: {} });
  if (typeof data !== 'object' || Array.isArray(data)) {
    return fail({ path: [], message: `expected a mapping of settings, got ${describeValue(data)}` });
  }
  const record = data as Record<string, unknown>;
  const chosen = dialect ?? dialectFromName(file) ?? sniffDialect(Object.keys(record));
  const values = chosen === 'whittle' ? fromWhittle(record) : fromHadolint(record);
  return values.ok ? ok({ origin: file, values: values.value }) : fail(values.error);
}

function fromWhittle(data: Record<string, unknown>): Result<Values, Located> {
  const parsed = whittleSchema.safeParse(data);
  if (!parsed.success) return err(explain(parsed.error.issues, data, 'whittle'));
  const c = parsed.data;
  const v: Values = {};
  if (c.failureThreshold !== undefined) v.failureThreshold = c.failureThreshold;
  if (c.ignore !== undefined) v.ignored = c.ignore;
  if (c.override !== undefined) v.overrides = overridesFromLists(c.override);
  if (c.trustedRegistries !== undefined) v.trustedRegistries = c.trustedRegistries;
  if (c.labelSchema !== undefined) v.labelSchema = labelSchema(c.labelSchema);
  if (c.strictLabels !== undefined) v.strictLabels = c.strictLabels;
  if (c.disableIgnorePragma !== undefined) v.disableIgnorePragma = c.disableIgnorePragma;
  if (c.noFail !== undefined) v.noFail = c.noFail;
  if (c.noColor !== undefined) v.noColor = c.noColor;
  if (c.verbose !== undefined) v.verbose = c.verbose;
  if (c.shellcheck !== undefined) v.shellcheck = c.shellcheck;
  if (c.format !== undefined) v.format = c.format;
  if (c.buildArgs !== undefined) v.buildArgs = c.buildArgs;
  return ok(v);
}

function fromHadolint(raw: Record<string, unknown>): Result<Values, Located> {
  // hadolint reads a key with no value (`no-fail:`) as absent.
  const data = withoutNulls(raw);
  if (isPlainObject(data.override)) data.override = withoutNulls(data.override);
  const parsed = hadolintSchema.safeParse(data);
  if (!parsed.success) return err(explain(parsed.error.issues, data, 'hadolint'));
  const c = parsed.data;
  const v: Values = {};
  if (c['no-fail'] !== undefined) v.noFail = c['no-fail'];
  if (c['no-color'] !== undefined) v.noColor = c['no-color'];
  if (c.verbose !== undefined) v.verbose = c.verbose;
  // hadolint writes every format listed (`formats`, then `format`); whittle writes one: the first.
  const wanted = [...(c.formats ?? []).map((f, i) => ({ f, at: ['formats', i] })), ...(c.format ? [{ f: c.format, at: ['format'] }] : [])];
  const first = wanted[0];
  if (first !== undefined) {
    const format: LintFormat | undefined = formatFromHadolint(first.f);
    if (format === undefined) {
      return err({ path: first.at, message: `format "${first.f}" is a hadolint format whittle does not write (it writes: ${LINT_FORMATS.join(', ')})` });
    }
    v.format = format;
  }
  if (c.override !== undefined) v.overrides = overridesFromLists(c.override);
  if (c.ignored !== undefined) v.ignored = c.ignored;
  if (c.trustedRegistries !== undefined) v.trustedRegistries = c.trustedRegistries;
  if (c['label-schema'] !== undefined) v.labelSchema = labelSchema(c['label-schema']);
  if (c['strict-labels'] !== undefined) v.strictLabels = c['strict-labels'];
  if (c['disable-ignore-pragma'] !== undefined) v.disableIgnorePragma = c['disable-ignore-pragma'];
  if (c['failure-threshold'] !== undefined) v.failureThreshold = thresholdFromHadolint(c['failure-threshold']);
  return ok(v);
}

function labelSchema(schema: Readonly<Record<string, (typeof HADOLINT_LABEL_TYPES)[number] | LabelType>>): Record<string, LabelType> {
  return Object.fromEntries(Object.entries(schema).map(([name, type]) => [name, labelTypeFromHadolint(type)]));
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function withoutNulls(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null));
}

function pathText(p: Path): string {
  let out = '';
  for (const seg of p) out += typeof seg === 'number' ? `[${seg}]` : `${out === '' ? '' : '.'}${String(seg)}`;
  return out;
}

function valueAt(data: unknown, p: Path): unknown {
  let v = data;
  for (const seg of p) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}

// Only the first issue is reported: one line on stderr, at the line to fix first.
function explain(issues: readonly z.core.$ZodIssue[], data: unknown, dialect: Dialect): Located {
  const issue = issues[0];
  if (issue === undefined) return { path: [], message: 'invalid configuration' };
  const where = issue.path;
  const got = describeValue(valueAt(data, where));
  const name = pathText(where);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const key = issue.keys[0] ?? '';
      const full = [...where, key];
      const spelled = WHITTLE_SPELLING[key];
      // `override` is the only nested mapping with fixed keys.
      const known = where.length === 0 ? WHITTLE_KEYS : [...OVERRIDE_ORDER].reverse();
      const hint = dialect === 'whittle' && where.length === 0 && spelled !== undefined
        ? `whittle spells it "${spelled}"`
        : `known keys: ${known.join(', ')}`;
      return { path: full, atKey: true, message: `unknown key "${pathText(full)}" (${hint})` };
    }
    case 'invalid_value':
      return { path: where, message: `${name}: expected one of ${issue.values.map((x) => (x === '' ? '""' : String(x))).join(', ')}, got ${got}` };
    case 'invalid_type':
      return { path: where, message: `${name}: expected ${article(issue.expected)}, got ${got}` };
    default:
      return { path: where, message: `${name}: ${issue.message}` };
  }
}

function article(expected: string): string {
  switch (expected) {
    case 'array': return 'a list';
    case 'object': case 'record': return 'a mapping';
    case 'string': return 'a string';
    case 'boolean': return 'true or false';
    default: return expected;
  }
}

/** The 1-based line of the node at `p` (or of its key), falling back to the nearest enclosing node. */
function lineOf(root: YamlNode | null, counter: LineCounter, p: Path, atKey: boolean): number | undefined {
  let node: YamlNode | null = root;
  let offset = root?.range?.[0];
  for (const [i, seg] of p.entries()) {
    const last = i === p.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((it) => isScalar(it.key) && String(it.key.value) === String(seg));
      if (pair === undefined) break;
      const key = pair.key as YamlNode;
      offset = key.range?.[0] ?? offset;
      if (last && atKey) break;
      node = (pair.value as YamlNode | null) ?? null;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = (node.items[seg] as YamlNode | undefined) ?? null;
    } else {
      break;
    }
    if (node?.range) offset = node.range[0];
  }
  return offset === undefined ? undefined : counter.linePos(offset).line;
}
