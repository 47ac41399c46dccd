// The RUN shell-command model: commands in every position, hadolint-style words and flags.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { argsNoFlags, cmdHasArgs, dropFlagArg, flagArgs, hasFlag, isPipInstall, parseShell } from './shell.js';

test('commands are found in lists, pipes, subshells, substitutions and conditionals', () => {
  const s = parseShell('set -e; (cd /x && make) | tee log || true; echo "$(id -u)"; if [ -f a ]; then rm a; fi');
  assert.deepEqual(s.commands.map((c) => c.name), ['set', 'cd', 'make', 'tee', 'true', 'echo', 'id', 'rm']);
  assert.equal(s.pipes, 1);
  assert.equal(s.hasErrors, false);
});

test('words are unquoted and expansions kept as ${NAME}, like hadolint', () => {
  const [cmd] = parseShell(`FOO=1 apt-get install -y "a b" 'c d' $X \${Y}z curl=7.*`).commands;
  assert.equal(cmd?.name, 'apt-get');
  assert.deepEqual(cmd?.assignments, ['FOO=1']);
  assert.deepEqual(cmd?.args.map((a) => a.value), ['install', '-y', 'a b', 'c d', '${X}', '${Y}z', 'curl=7.*']);
});

test('flags split like hadolint: -abc is a, b, c; --name=value is name', () => {
  const [cmd] = parseShell('useradd -lmu 1000 --shell=/bin/sh -- app').commands;
  assert.ok(cmd);
  assert.deepEqual(cmd.flags.map((f) => f.value), ['l', 'm', 'u', 'shell']);
  assert.ok(hasFlag(cmd, 'u'));
  assert.deepEqual(flagArgs(cmd, 'u'), ['1000']);
  assert.deepEqual(argsNoFlags(cmd), ['1000', '--', 'app']);
});

test('dropFlagArg removes a flag value given separately, not inline', () => {
  const [cmd] = parseShell('apt-get install -t bookworm-backports curl').commands;
  assert.ok(cmd);
  assert.deepEqual(argsNoFlags(dropFlagArg(cmd, ['t'])), ['install', 'curl']);
  const [inline] = parseShell('apt-get install --target-release=bookworm curl').commands;
  assert.ok(inline);
  assert.deepEqual(argsNoFlags(dropFlagArg(inline, ['target-release'])), ['install', 'curl']);
});

test('queries: cmdHasArgs, isPipInstall', () => {
  const s = parseShell('pip3 install flask && python -m pip install x && pipenv install y');
  assert.deepEqual(s.commands.map(isPipInstall), [true, true, false]);
  assert.ok(s.commands[0] && cmdHasArgs(s.commands[0], ['pip', 'pip3'], ['install']));
});

test('a syntax error still yields the commands around it', () => {
  const s = parseShell('apt-get update && if then; apt-get install -y x');
  assert.equal(s.hasErrors, true);
  assert.ok(s.commands.some((c) => c.name === 'apt-get'));
});
