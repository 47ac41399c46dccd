// Every lint reporter against every report case, compared with golden files; UPDATE_GOLDEN=1 rewrites them.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { LINT_FORMATS, lintReporters } from './index.js';
import { REPORT_CASES, reportFor } from './testing.js';

const testdata = new URL('./testdata/', import.meta.url);
const update = process.env.UPDATE_GOLDEN === '1';

function matchGolden(format: string, name: string, actual: string): void {
  const dir = new URL(`${format}/`, testdata);
  const file = new URL(`${name}.out`, dir);
  if (update) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  // A missing golden file is a failure, not a silent first write: otherwise a typo passes forever.
  assert.ok(existsSync(file), `missing golden file src/report/testdata/${format}/${name}.out (run with UPDATE_GOLDEN=1)`);
  assert.equal(actual, readFileSync(file, 'utf8'), `output differs from src/report/testdata/${format}/${name}.out`);
}

for (const format of LINT_FORMATS) {
  for (const name of REPORT_CASES) {
    test(`${format}: ${name}`, () => {
      const report = reportFor(name);
      const output = lintReporters[format](report, { color: false });
      // Reporters are pure: the same report renders the same text twice.
      assert.equal(lintReporters[format](report, { color: false }), output);
      matchGolden(format, name, output);
    });
  }
}

test('every format has a reporter and a golden file per case, and no golden folder is stray', () => {
  assert.deepEqual(Object.keys(lintReporters).sort(), [...LINT_FORMATS].sort());
  assert.equal(new Set(LINT_FORMATS).size, LINT_FORMATS.length);
  for (const format of LINT_FORMATS) {
    assert.equal(typeof lintReporters[format], 'function', `${format} has a reporter`);
    for (const name of REPORT_CASES) {
      assert.ok(existsSync(new URL(`${format}/${name}.out`, testdata)), `testdata/${format}/${name}.out exists`);
    }
  }
  const dirs = readdirSync(testdata, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  assert.deepEqual(dirs.sort(), [...LINT_FORMATS].sort());
});

test('tty colours only when asked', () => {
  const report = reportFor('mixed-severities');
  const ansi = /\u001b\[/;
  assert.match(lintReporters.tty(report, { color: true }), ansi);
  assert.doesNotMatch(lintReporters.tty(report, { color: false }), ansi);
});

test('machine formats never colour, whatever they are asked', () => {
  const report = reportFor('two-files-with-errors');
  for (const format of LINT_FORMATS.filter((f) => f !== 'tty')) {
    assert.equal(lintReporters[format](report, { color: true }), lintReporters[format](report, { color: false }), format);
  }
});
