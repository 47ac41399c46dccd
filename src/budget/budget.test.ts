// `.dive-ci` parsed and judged as dive does it; `.whittle.yaml` budget keys; bad values name key and value.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { report } from './budget.js';
import type { BudgetFacts } from './budget.js';
import { parseByteSize, parseRatio } from './bytes.js';
import { diveRules, parseDiveCi } from './dive-ci.js';
import { whittleBudget } from './whittle.js';

// dive's reference image (specs/dive-compat.md §5).
const DIVE_IMAGE: BudgetFacts = {
  sizeBytes: 1220598,
  layers: [{ index: 0, sizeBytes: 1154361, user: false }, { index: 1, sizeBytes: 66237, user: true }],
  efficiency: 0.9844212134184309,
  wastedBytes: 32025,
  userWastedRatio: 32025 / 66237,
  reclaimableBytes: 32025,
  findings: { error: 1, warning: 2, info: 0, style: 0 },
  baselineSizeBytes: null,
};

test('go-humanize sizes: SI and IEC units, any case, commas, truncation; signs and unknown units rejected', () => {
  assert.equal(parseByteSize('20MB'), 20_000_000);
  assert.equal(parseByteSize('20Mb'), 20_000_000);
  assert.equal(parseByteSize('20mb'), 20_000_000);
  assert.equal(parseByteSize('1.5MiB'), 1_572_864);
  assert.equal(parseByteSize('1,000 kB'), 1_000_000);
  assert.equal(parseByteSize('42'), 42);
  assert.equal(parseByteSize('42 b'), 42);
  assert.equal(parseByteSize('1.5'), 1);
  assert.equal(parseByteSize('2 GiB'), 2 * 1024 ** 3);
  assert.equal(parseByteSize('-5MB'), null);
  assert.equal(parseByteSize(' 5MB'), null);
  assert.equal(parseByteSize('5 parsecs'), null);
  assert.equal(parseRatio('0.90'), 0.9);
  assert.equal(parseRatio('1'), 1);
  assert.equal(parseRatio('1.01'), null);
  assert.equal(parseRatio('-0.1'), null);
});

test("defaults on dive's image: efficiency PASS, wasted bytes SKIP, percent FAIL -> FAIL", () => {
  const rules = diveRules({});
  assert.ok(rules.ok);
  const r = report(rules.value, DIVE_IMAGE);
  assert.equal(r.passed, false);
  assert.deepEqual(r.results.map((x) => [x.rule, x.status]), [
    ['dive-ci:lowestEfficiency', 'pass'], ['dive-ci:highestWastedBytes', 'skip'], ['dive-ci:highestUserWastedPercent', 'fail'],
  ]);
  assert.equal(r.results[2]?.limit, 0.1);
  assert.equal(r.results[2]?.actual, 32025 / 66237);
});

test("dive's own .dive-ci (0.95, 20Mb, 0.5) passes its image; values are kept as written", () => {
  const file = parseDiveCi('rules:\n  lowestEfficiency: 0.95\n  highestWastedBytes: 20Mb\n  highestUserWastedPercent: 0.5\n  lowestEfficency: 0.1\n', '.dive-ci');
  assert.ok(file.ok);
  assert.deepEqual(file.value.unknown, ['lowestEfficency']);
  const rules = diveRules(file.value.values);
  assert.ok(rules.ok);
  const r = report(rules.value, DIVE_IMAGE);
  assert.equal(r.passed, true);
  assert.deepEqual(r.results.map((x) => x.limitText), ['0.95', '20Mb', '0.5']);
  assert.equal(r.results[1]?.limit, 20_000_000);
});

test('comparisons are strict; disabled spellings skip; NaN passes and +Infinity fails the percent rule', () => {
  const rules = diveRules({ lowestEfficiency: '0.9844212134184309', highestWastedBytes: ' OFF ', highestUserWastedPercent: String(32025 / 66237) });
  assert.ok(rules.ok);
  assert.deepEqual(report(rules.value, DIVE_IMAGE).results.map((x) => x.status), ['pass', 'skip', 'pass']);
  const pct = diveRules({ highestUserWastedPercent: '0.1' });
  assert.ok(pct.ok);
  assert.equal(report(pct.value, { ...DIVE_IMAGE, userWastedRatio: Number.NaN }).results[2]?.status, 'pass');
  assert.equal(report(pct.value, { ...DIVE_IMAGE, userWastedRatio: Number.POSITIVE_INFINITY }).results[2]?.status, 'fail');
});

test('a value dive would reject is an error naming the key and the value', () => {
  const bad = diveRules({ highestWastedBytes: '20 parsecs' }, { file: '.dive-ci' });
  assert.ok(!bad.ok);
  assert.match(bad.error.message, /rules\.highestWastedBytes.*"20 parsecs"/);
  const ratio = diveRules({ lowestEfficiency: '95%' });
  assert.ok(!ratio.ok);
  assert.match(ratio.error.message, /rules\.lowestEfficiency.*"95%"/);
  assert.ok(!parseDiveCi('rules: [1, 2]', 'x').ok);
});

test('.whittle.yaml budget: sizes, per-layer limits, ratios, findings by severity, growth against a baseline', () => {
  const rules = whittleBudget({
    maxImageSize: '1MB', maxLayerSize: 2_000_000, maxUserLayerSize: '50KB', minEfficiency: '98%', maxWastedBytes: '40kB',
    maxWastedPercent: 0.5, maxReclaimableBytes: 32025, maxFindings: { error: 0, warning: 5 }, maxGrowth: '10%',
  }, '.whittle.yaml');
  assert.ok(rules.ok);
  const r = report(rules.value, { ...DIVE_IMAGE, baselineSizeBytes: 1_000_000 });
  const status = Object.fromEntries(r.results.map((x) => [x.rule, x.status]));
  assert.deepEqual(status, {
    'budget:maxImageSize': 'fail',
    'budget:maxLayerSize[0]': 'pass',
    'budget:maxLayerSize[1]': 'pass',
    'budget:maxUserLayerSize[1]': 'fail',
    'budget:minEfficiency': 'pass',
    'budget:maxWastedBytes': 'pass',
    'budget:maxWastedPercent': 'pass',
    'budget:maxReclaimableBytes': 'pass',
    'budget:maxFindings.error': 'fail',
    'budget:maxFindings.warning': 'pass',
    'budget:maxGrowth': 'fail',
  });
  assert.equal(r.results.find((x) => x.rule === 'budget:maxGrowth')?.actual, 0.220598);
  const bytes = whittleBudget({ maxGrowth: '300kB' }, 'f');
  assert.ok(bytes.ok);
  assert.equal(report(bytes.value, { ...DIVE_IMAGE, baselineSizeBytes: 1_000_000 }).results[0]?.status, 'pass');
  assert.equal(report(bytes.value, DIVE_IMAGE).results[0]?.status, 'skip');
});

test('a bad budget key or value is one error naming both', () => {
  const unknown = whittleBudget({ maxImageSzie: '1MB' }, 'f');
  assert.ok(!unknown.ok);
  assert.match(unknown.error.message, /budget\.maxImageSzie.*unknown budget key/);
  const value = whittleBudget({ maxLayerSize: 'big' }, 'f');
  assert.ok(!value.ok);
  assert.match(value.error.message, /budget\.maxLayerSize: invalid value "big"/);
  const sev = whittleBudget({ maxFindings: { fatal: 1 } }, 'f');
  assert.ok(!sev.ok);
  assert.match(sev.error.message, /budget\.maxFindings\.fatal/);
});
