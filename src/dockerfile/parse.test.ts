// The Dockerfile model: continuations, flags, JSON form, heredocs, stages, ONBUILD, and errors with lines.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeDockerfile, parseDockerfile } from './parse.js';
import type { Dockerfile } from './model.js';

function parse(text: string): Dockerfile {
  const r = parseDockerfile(text, 'Dockerfile');
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

test('continuations are joined, comment lines inside them dropped, spans cover every line', () => {
  const df = parse('FROM debian:12\nRUN apt-get update \\\n  # why\n  && apt-get install -y curl\n');
  const run = df.instructions[1];
  assert.equal(run?.keyword, 'RUN');
  assert.equal(run?.args, 'apt-get update   && apt-get install -y curl');
  assert.deepEqual([run?.span.line, run?.span.endLine], [2, 4]);
  assert.deepEqual(run?.run?.script.commands.map((c) => [c.name, c.args.map((a) => a.value)]), [
    ['apt-get', ['update']],
    ['apt-get', ['install', '-y', 'curl']],
  ]);
});

test('the escape directive changes the continuation character', () => {
  const df = parse('# escape=`\nFROM mcr.microsoft.com/windows\nRUN dir `\n  c:\\\n');
  assert.equal(df.directives.escape, '`');
  assert.equal(df.instructions[1]?.args, 'dir   c:\\');
});

test('flags are read with values; mounts are parsed into options', () => {
  const df = parse('FROM a\nRUN --mount=type=cache,target=/root/.npm --network=none npm ci\nCOPY --from=build --chown=1:1 --link a b /c/\n');
  const run = df.instructions[1];
  assert.deepEqual(run?.flags.map((f) => [f.name, f.value]), [['mount', 'type=cache,target=/root/.npm'], ['network', 'none']]);
  assert.deepEqual(run?.run?.cacheMountTargets, ['/root/.npm']);
  assert.equal(run?.run?.network, 'none');
  assert.equal(run?.args, 'npm ci');
  assert.equal(df.source.slice(run?.argsStart ?? 0, (run?.argsStart ?? 0) + 6), 'npm ci');
  const copy = df.instructions[2]?.copy;
  assert.deepEqual(copy, { sources: ['a', 'b'], destination: '/c/', from: 'build', chown: '1:1', chmod: null, link: true });
});

test('JSON form keeps spaces inside strings (dockerfile-ast loses them)', () => {
  const df = parse('FROM a\nCMD ["node", "a b.js"]\nRUN ["sh", "-c", "echo json"]\n');
  assert.deepEqual(df.instructions[1]?.json, ['node', 'a b.js']);
  assert.deepEqual(df.instructions[2]?.run?.script.commands.map((c) => c.name), ['sh']);
});

test('heredocs: a bare RUN <<EOF runs its body; <<- strips tabs; bash <<EOF bodies count as commands', () => {
  const df = parse('FROM a\nRUN <<EOF\napt-get update\necho hi | cat\nEOF\nRUN bash <<-EOT\n\tapk add curl\n\tEOT\nCOPY <<EOF /etc/x\nhello\nEOF\n');
  const [, r1, r2, c] = df.instructions;
  assert.deepEqual(r1?.heredocs.map((h) => [h.name, h.body]), [['EOF', 'apt-get update\necho hi | cat\n']]);
  assert.deepEqual(r1?.run?.script.commands.map((x) => x.name), ['apt-get', 'echo', 'cat']);
  assert.equal(r1?.run?.script.pipes, 1);
  assert.equal(r2?.heredocs[0]?.body, 'apk add curl\n');
  assert.ok(r2?.run?.script.commands.some((x) => x.name === 'apk'));
  assert.equal(c?.copy?.destination, '/etc/x');
  assert.deepEqual([c?.span.line, c?.span.endLine], [9, 11]);
});

test('stages: aliases, parent stages, shells inherited; ONBUILD triggers are instructions', () => {
  const df = parse('ARG V=1\nFROM debian AS base\nSHELL ["/bin/bash", "-c"]\nFROM base AS build\nONBUILD RUN make\nFROM scratch\n');
  assert.equal(df.globalArgs.length, 1);
  assert.deepEqual(df.stages.map((s) => [s.name, s.from.from?.parentStage]), [['base', null], ['build', 0], [null, null]]);
  assert.deepEqual(df.stages[1]?.shell, ['/bin/bash', '-c']);
  assert.deepEqual(df.stages[2]?.shell, ['/bin/sh', '-c']);
  const onbuild = df.stages[1]?.instructions[0];
  assert.equal(onbuild?.trigger?.keyword, 'RUN');
  assert.equal(onbuild?.trigger?.isTrigger, true);
  assert.equal(onbuild?.trigger?.run?.script.commands[0]?.name, 'make');
});

test('ENV and LABEL pairs keep quoted values and raw text', () => {
  const df = parse('FROM a\nENV A=1 B="two words"\nLABEL "x.y"=z\n');
  assert.deepEqual(df.instructions[1]?.pairs?.map((p) => [p.key, p.value, p.rawValue]), [['A', '1', '1'], ['B', 'two words', '"two words"']]);
  assert.equal(df.instructions[2]?.pairs?.[0]?.value, 'z');
});

test('comments are listed with their lines; a BOM and CRLF are accepted', () => {
  const df = parse('\uFEFF# hadolint ignore=DL3000\r\nFROM a\r\nWORKDIR b\r\n');
  assert.deepEqual(df.comments, [{ line: 1, text: 'hadolint ignore=DL3000' }]);
  assert.equal(df.instructions[1]?.span.line, 3);
});

const bad: readonly [string, string, number | undefined, string][] = [
  ['unknown instruction', 'FROM a\nFOO bar\n', 2, 'unknown instruction "FOO"'],
  ['unterminated heredoc', 'FROM a\nRUN <<EOF\necho\n', 2, 'unterminated heredoc <<EOF'],
  ['unterminated JSON array', 'FROM a\nCMD ["a", "b"\n', 2, 'unterminated JSON array'],
  ['not a Dockerfile', '{"name": "x"}\n', 1, 'not a Dockerfile'],
  ['empty', '  \n\n', undefined, 'empty file'],
];
for (const [name, text, line, message] of bad) {
  test(`bad input: ${name} names the line`, () => {
    const r = parseDockerfile(text, 'x/Dockerfile');
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.equal(r.error.where.file, 'x/Dockerfile');
    assert.equal(r.error.where.line, line);
    assert.ok(r.error.message.includes(message), r.error.message);
  });
}

test('bytes: binary and invalid UTF-8 are refused with the line', () => {
  const bin = decodeDockerfile(Buffer.from('FROM a\nRUN x\0y\n'), 'f');
  assert.ok(!bin.ok && bin.error.where.line === 2 && bin.error.message.includes('binary'));
  const utf = decodeDockerfile(Buffer.concat([Buffer.from('FROM a\n\nRUN '), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]), 'f');
  assert.ok(!utf.ok && utf.error.where.line === 3 && utf.error.message.includes('UTF-8'));
  const good = decodeDockerfile(Buffer.from('FROM a # é\n'), 'f');
  assert.ok(good.ok);
});

test('a 5,000-instruction Dockerfile parses', () => {
  const text = `FROM debian\n${Array.from({ length: 5000 }, (_, i) => `RUN echo ${i} && apt-get install -y pkg${i}`).join('\n')}\n`;
  const df = parse(text);
  assert.equal(df.instructions.length, 5001);
  assert.equal(df.instructions[5000]?.span.line, 5001);
});

test('a heredoc marker inside quotes is text; quoted delimiters still open heredocs', () => {
  const df = parse('FROM a\nRUN echo "<<EOF" && echo \'<<X\'\nRUN cat <<"END"\n$x\nEND\n');
  assert.deepEqual(df.instructions[1]?.heredocs, []);
  assert.equal(df.instructions[1]?.run?.script.commands.length, 2);
  assert.deepEqual(df.instructions[2]?.heredocs.map((h) => [h.name, h.body, h.quoted]), [['END', '$x\n', true]]);
});

test('ARG declares every name it lists, with or without defaults', () => {
  const df = parse('ARG A B=2 C="x y"\nFROM a\nARG D\n');
  assert.deepEqual(df.instructions[0]?.pairs?.map((p) => [p.key, p.value, p.rawValue]), [['A', null, null], ['B', '2', '2'], ['C', 'x y', '"x y"']]);
  assert.deepEqual(df.instructions[2]?.pairs?.map((p) => [p.key, p.value]), [['D', null]]);
  assert.equal(df.source.slice(df.instructions[0]?.pairs?.[2]?.span.start, df.instructions[0]?.pairs?.[2]?.span.end), 'C="x y"');
});
