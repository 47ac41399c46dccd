// CopyIgnoredFile against BuildKit's check tests (restated) and whittle's own cases.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDockerignore } from '../context/dockerignore.js';
import type { Matcher } from '../context/dockerignore.js';
import { copyIgnoredFile } from './bk-copy-ignored-file.js';
import { lintDockerfile } from './lint.js';
import { DEFAULT_RULE_CONTEXT } from './rule.js';
import { parseOrThrow, runRuleTests } from './testing.js';

function ignore(text: string): { dockerignore: Matcher } {
  const m = parseDockerignore(text, '.dockerignore');
  if (!m.ok) throw new Error(m.error.message);
  return { dockerignore: m.value };
}

runRuleTests(copyIgnoredFile, {
  invalid: [
    { name: 'buildkit: COPY and ADD of an ignored file', code: '\nFROM scratch\nCOPY notes.txt .\nADD notes.txt /srv\n', context: ignore('\nnotes.txt\n'),
      findings: [
        { line: 3, message: 'Attempting to Copy file "notes.txt" that is excluded by .dockerignore' },
        { line: 4, message: 'Attempting to Add file "notes.txt" that is excluded by .dockerignore' },
      ] },
    { name: 'buildkit: COPY . . when everything at the root is ignored', code: '\nFROM scratch\nCOPY . .\n', context: ignore('\n*\n'),
      findings: [{ line: 3, message: 'Attempting to Copy file "." that is excluded by .dockerignore' }] },
    { name: 'docs: */tmp/* example', code: 'FROM scratch\nCOPY ./src/tmp/hello.txt /hello.txt\n', context: ignore('*/tmp/*\n'),
      findings: [{ line: 2, message: '"src/tmp/hello.txt"' }] },
    { name: 'inside an ignored directory', code: 'FROM scratch\nCOPY node_modules/x/index.js /app/\n', context: ignore('node_modules\n'), findings: [{ line: 2 }] },
    { name: 'sources are expanded first', code: 'FROM scratch\nARG F=secret.env\nCOPY $F /\n', context: ignore('*.env\n'), findings: [{ line: 3, message: '"secret.env"' }] },
  ],
  valid: [
    { name: 'buildkit: COPY --from is not the context', code: '\nFROM scratch AS base\nCOPY app.conf /cache\nADD app.conf /etc/app\n\nFROM base\nCOPY --from=base /cache /app.conf\n', context: ignore('\ncache\n') },
    { name: 'buildkit: an exception makes the check step aside', code: '\nFROM scratch\nCOPY ./app.conf .\n', context: ignore('\n**\n!app.conf\n') },
    { name: 'buildkit: COPY . . with an exception', code: '\nFROM scratch\nCOPY . .\n', context: ignore('\n**\n!app.conf\n') },
    { name: 'buildkit: dotfiles ignored, the root is not', code: '\nFROM scratch\nCOPY . .\n', context: ignore('\n.*\n') },
    { name: 'docs: a file not ignored', code: 'FROM scratch\nCOPY ./forever/hello.txt /hello.txt\n', context: ignore('*/tmp/*\n') },
    { name: 'no .dockerignore', code: 'FROM scratch\nCOPY notes.txt .\n' },
    { name: 'remote ADD', code: 'FROM scratch\nADD https://example.com/notes.txt /\n', context: ignore('https:\n') },
    { name: 'patterns are anchored at the root', code: 'FROM scratch\nCOPY sub/notes.txt .\n', context: ignore('notes.txt\n') },
  ],
});

test('buildkit: # check=skip=CopyIgnoredFile', () => {
  const code = '# check=skip=CopyIgnoredFile\n\nFROM scratch\nCOPY notes.txt .\nADD notes.txt /srv\n';
  const context = { ...DEFAULT_RULE_CONTEXT, ...ignore('notes.txt\n') };
  assert.deepEqual(lintDockerfile(parseOrThrow(code), { rules: [copyIgnoredFile], context }), []);
  assert.equal(lintDockerfile(parseOrThrow(code.slice(code.indexOf('\n') + 1)), { rules: [copyIgnoredFile], context }).length, 2);
});
