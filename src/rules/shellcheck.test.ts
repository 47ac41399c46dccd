// The scripts whittle hands ShellCheck (shebang, exports, script text) and how its comments map back to lines.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PREDEFINED_VARIABLES, scriptPosition, shebangFor, shellcheckScripts, toFindings } from './shellcheck.js';
import type { ShellcheckScript } from './shellcheck.js';
import { parseOrThrow } from './testing.js';

function scripts(code: string): ShellcheckScript[] {
  return shellcheckScripts(parseOrThrow(code));
}

function only(code: string): ShellcheckScript {
  const all = scripts(code);
  assert.equal(all.length, 1, `one script for ${JSON.stringify(code)}`);
  return all[0] as ShellcheckScript;
}

/** The lines after the shebang and the export prelude. */
function body(s: ShellcheckScript): string[] {
  return s.text.split('\n').slice(0, -1).filter((l, i) => i > 0 && !l.startsWith('export '));
}

function exported(s: ShellcheckScript): string[] {
  return s.text.split('\n').filter((l) => l.startsWith('export ')).map((l) => l.slice('export '.length));
}

function shebang(s: ShellcheckScript): string {
  return s.text.split('\n')[0] ?? '';
}

/** json1 output with one comment at a script position. */
function json1(line: number, column: number, endLine = line, endColumn = column + 4, code = 2086, level = 'info'): string {
  return JSON.stringify({ comments: [{ file: '-', line, endLine, column, endColumn, level, code, message: 'Double quote it.', fix: null }] });
}

/** 1-based script line of the first body line. */
function firstBodyLine(s: ShellcheckScript): number {
  return s.text.split('\n').findIndex((l, i) => i > 0 && !l.startsWith('export ')) + 1;
}

describe('script text', () => {
  test('shebang, sorted exports, then the RUN text', () => {
    const s = only('FROM debian\nRUN echo $FOO');
    assert.equal(s.text, ['#!/bin/sh', ...[...PREDEFINED_VARIABLES].sort().map((v) => `export ${v}`), 'echo $FOO', ''].join('\n'));
    assert.equal(s.instruction.span.line, 2);
  });

  test('shebang from the stage SHELL', () => {
    assert.equal(shebang(only('FROM debian\nSHELL ["/bin/bash", "-c"]\nRUN echo $RANDOM')), '#!/bin/bash');
    assert.equal(shebang(only('FROM debian\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nRUN echo hi')), '#!/bin/bash');
    assert.equal(shebang(only('FROM debian\nSHELL ["bash", "-c"]\nRUN echo hi')), '#!/usr/bin/env bash');
    assert.equal(shebang(only('FROM alpine\nSHELL ["/bin/ash", "-o", "pipefail", "-c"]\nRUN echo hi')), '#!/bin/ash');
  });

  test('a SHELL applies only to the RUNs after it', () => {
    const all = scripts('FROM debian\nRUN a\nSHELL ["/bin/bash", "-c"]\nRUN b');
    assert.deepEqual(all.map(shebang), ['#!/bin/sh', '#!/bin/bash']);
  });

  test('the shell resets at FROM unless the stage builds on an earlier one', () => {
    const all = scripts([
      'FROM ubuntu AS base', 'SHELL ["/bin/bash", "-c"]', 'FROM ubuntu', 'RUN a', 'FROM base AS next', 'RUN b', 'FROM next', 'RUN c',
    ].join('\n'));
    assert.deepEqual(all.map(shebang), ['#!/bin/sh', '#!/bin/bash', '#!/bin/bash']);
  });

  test('ARG and ENV names in scope are exported, and nothing else', () => {
    const s = only('FROM debian\nARG foo=bar\nARG another_foo\nENV bar=10 baz=20\nRUN echo "$foo"');
    assert.deepEqual(exported(s), [...new Set([...PREDEFINED_VARIABLES, 'foo', 'another_foo', 'bar', 'baz'])].sort());
  });

  test('names declared after the RUN, or before FROM, are not in scope', () => {
    const s = scripts('ARG early\nFROM debian\nRUN echo "$early"\nARG late')[0];
    assert.ok(s);
    assert.ok(!exported(s).includes('early'));
    assert.ok(!exported(s).includes('late'));
  });

  test('a child stage sees its parent ENV names but not its ARGs', () => {
    const all = scripts('FROM debian AS base\nARG a\nENV e=1\nFROM base\nRUN echo "$a" "$e"');
    const s = all[0];
    assert.ok(s);
    assert.ok(exported(s).includes('e'));
    assert.ok(!exported(s).includes('a'));
  });

  test('ONBUILD RUN sees ENV and ONBUILD ARG/ENV, not plain ARGs', () => {
    const s = only('FROM debian\nARG a\nENV e=1\nONBUILD ARG oa\nONBUILD RUN echo "$a" "$e" "$oa"');
    assert.ok(exported(s).includes('e'));
    assert.ok(exported(s).includes('oa'));
    assert.ok(!exported(s).includes('a'));
    assert.equal(s.instruction.keyword, 'RUN');
    assert.ok(s.instruction.isTrigger);
    assert.deepEqual(body(s), ['echo "$a" "$e" "$oa"']);
  });

  test('exec-form RUN is not a shell script', () => {
    assert.deepEqual(scripts('FROM debian\nRUN ["foobar", "$f"]'), []);
    assert.deepEqual(scripts('FROM debian\nONBUILD RUN ["foobar", "$f"]'), []);
  });

  test('PowerShell, cmd and shells ShellCheck cannot read are skipped', () => {
    assert.deepEqual(scripts('FROM x\nSHELL ["pwsh", "-c"]\nRUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value'), []);
    assert.deepEqual(scripts('FROM x\nSHELL ["cmd.exe", "/c"]\nRUN dir'), []);
    assert.deepEqual(
      scripts('FROM x\nSHELL ["C:\\\\Windows\\\\System32\\\\WindowsPowerShell\\\\v1.0\\\\powershell.exe", "-command"]\nRUN Get-Item x'),
      [],
    );
    assert.deepEqual(scripts('FROM x\nSHELL ["/usr/bin/zsh", "-c"]\nRUN echo hi'), []);
  });

  test('# hadolint shell= pragma: in a stage until its end, before the first FROM for every stage', () => {
    assert.deepEqual(scripts('FROM windows\n# hadolint shell = powershell.exe\nRUN Get-Item x'), []);
    assert.deepEqual(scripts('# hadolint shell=powershell.exe\nFROM windows\nRUN Get-Item x\nFROM windows\nRUN Get-Item y'), []);
    const all = scripts('FROM a\n# hadolint shell=powershell\nRUN Get-Item x\nFROM b\nRUN echo y');
    assert.deepEqual(all.map((s) => s.instruction.span.line), [5]);
    assert.equal(shebang(only('FROM a\n# hadolint shell=bash\nRUN echo $RANDOM')), '#!/usr/bin/env bash');
  });

  test('continuations are joined as Docker joins them, comment lines dropped', () => {
    const s = only('FROM debian\nRUN apt-get update \\\n  # why\n  && echo $FOO \\\n  && true');
    assert.deepEqual(body(s), ['apt-get update   && echo $FOO   && true']);
  });

  test('RUN <<EOF runs the body; a #! line in it names the interpreter', () => {
    const s = only('FROM debian\nRUN <<EOF\necho $A\necho b\nEOF');
    assert.deepEqual(body(s), ['echo $A', 'echo b']);
    assert.equal(shebang(s), '#!/bin/sh');
    const bash = only('FROM debian\nRUN <<EOF\n#!/usr/bin/env bash\necho $RANDOM\nEOF');
    assert.equal(shebang(bash), '#!/usr/bin/env bash');
    assert.deepEqual(body(bash), ['echo $RANDOM']);
    assert.deepEqual(scripts('FROM debian\nRUN <<EOF\n#!/usr/bin/env python3\nprint(1)\nEOF'), []);
  });

  test('a command reading a heredoc keeps the heredoc in its script', () => {
    assert.deepEqual(body(only('FROM debian\nRUN cat <<EOF > /f\nhello $x\nEOF')), ['cat <<EOF > /f', 'hello $x', 'EOF']);
  });
});

describe('positions', () => {
  test('a 3-line continued RUN maps each part to its physical line', () => {
    const code = 'FROM debian\nRUN apt-get update \\\n    && echo $FOO \\\n    && echo $BAR';
    const s = only(code);
    const line = firstBodyLine(s);
    const text = body(s)[0] ?? '';
    assert.equal(text, 'apt-get update     && echo $FOO     && echo $BAR');
    assert.deepEqual(scriptPosition(s, line, 1), { line: 2, column: 5 });
    assert.deepEqual(scriptPosition(s, line, text.indexOf('$FOO') + 1), { line: 3, column: 13 });
    assert.deepEqual(scriptPosition(s, line, text.indexOf('$BAR') + 1), { line: 4, column: 13 });
    assert.equal(scriptPosition(s, 1, 1), null, 'the shebang is whittle\'s');
    assert.equal(scriptPosition(s, 2, 1), null, 'so are the exports');
  });

  test('heredoc bodies map line for line, `<<-` tabs skipped', () => {
    const s = only('FROM debian\nRUN <<-EOF\n\techo a\n\techo $B\nEOF');
    assert.deepEqual(scriptPosition(s, firstBodyLine(s) + 1, 6), { line: 4, column: 7 });
  });

  test('CRLF line ends and a backtick escape join and map the same way', () => {
    for (const code of ['FROM debian\r\nRUN true \\\r\n  && echo $X\r\n', '# escape=`\nFROM debian\nRUN true `\n  && echo $X\n']) {
      const s = only(code);
      assert.deepEqual(body(s), ['true   && echo $X']);
      const last = code.includes('`') ? 4 : 3;
      assert.deepEqual(scriptPosition(s, firstBodyLine(s), 'true   && echo '.length + 1), { line: last, column: 11 });
    }
  });

  test('flags before the script shift columns', () => {
    const s = only('FROM debian\nRUN --mount=type=cache,target=/root/.cache echo $X');
    assert.deepEqual(scriptPosition(s, firstBodyLine(s), 6), { line: 2, column: 49 });
  });
});

describe('toFindings', () => {
  const code = 'FROM debian\nRUN apt-get update \\\n    && echo $FOO';
  const s = only(code);
  const line = firstBodyLine(s);
  const col = (body(s)[0] ?? '').indexOf('$FOO') + 1;

  test('maps code, level, message and both ends of the range', () => {
    const r = toFindings(s, json1(line, col));
    assert.ok(r.ok);
    assert.deepEqual(r.value, [{
      rule: 'SC2086', severity: 'info', message: 'Double quote it.', location: { line: 3, column: 13, endLine: 3, endColumn: 17 },
    }]);
  });

  test('levels map one to one', () => {
    for (const level of ['error', 'warning', 'info', 'style'] as const) {
      const r = toFindings(s, json1(line, col, line, col + 4, 2154, level));
      assert.ok(r.ok);
      assert.equal(r.value[0]?.severity, level);
    }
  });

  test('comments on whittle\'s own lines and excluded codes are dropped', () => {
    const own = toFindings(s, json1(1, 1, 1, 10, 2239, 'error'));
    assert.ok(own.ok);
    assert.deepEqual(own.value, []);
    const excluded = toFindings(s, json1(line, col, line, col + 4, 1091, 'info'));
    assert.ok(excluded.ok);
    assert.deepEqual(excluded.value, []);
  });

  test('a parse error at end of input lands at the end of the RUN', () => {
    const open = only('FROM debian\nRUN echo "abc');
    const eof = open.text.split('\n').length; // the empty line after the final newline
    const r = toFindings(open, json1(eof, 1, eof, 1, 1072, 'error'));
    assert.ok(r.ok);
    assert.deepEqual(r.value.map((f) => [f.rule, f.location]), [['SC1072', { line: 2, column: 14 }]]);
  });

  test('no comments, no findings; garbage is a TOOL error', () => {
    const none = toFindings(s, '{"comments":[]}');
    assert.ok(none.ok);
    assert.deepEqual(none.value, []);
    const bad = toFindings(s, 'In - line 1: oops');
    assert.ok(!bad.ok);
    assert.equal(bad.error.code, 'TOOL');
    const shape = toFindings(s, '{"comments":[{"line":"x"}]}');
    assert.ok(!shape.ok);
  });

  test('columns count code points as ShellCheck does', () => {
    const emoji = only('FROM debian\nRUN echo "😀" $X');
    const r = toFindings(emoji, json1(firstBodyLine(emoji), 10, firstBodyLine(emoji), 12));
    assert.ok(r.ok);
    assert.deepEqual(r.value[0]?.location, { line: 2, column: 15, endLine: 2, endColumn: 17 });
  });
});

test('shebangFor', () => {
  assert.equal(shebangFor(['/bin/sh', '-c']), '#!/bin/sh');
  assert.equal(shebangFor(['/usr/bin/env', 'bash', '-c']), '#!/usr/bin/env bash');
  assert.equal(shebangFor(['/bin/busybox', 'sh', '-c']), '#!/bin/ash');
  assert.equal(shebangFor(['powershell', '-command']), null);
  assert.equal(shebangFor(['/usr/bin/fish', '-c']), null);
  assert.equal(shebangFor([]), null);
});
