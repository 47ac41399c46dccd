// SecretsUsedInArgOrEnv against BuildKit's check tests (restated) and whittle's own cases.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { secretsUsedInArgOrEnv } from './bk-secrets-used-in-arg-or-env.js';
import { dl3064 } from './dl3064-sensitive-arg-env.js';
import { lintDockerfile } from './lint.js';
import { DEFAULT_RULE_CONTEXT } from './rule.js';
import { parseOrThrow, runRuleTests } from './testing.js';

// BuildKit's table: one warning per sensitive key, two on a line that sets two.
const table = [
  '# check=skip=InvalidDefinitionDescription',
  '',
  'FROM scratch',
  'ARG TOKEN_PASSPHRASE',
  'ENV DEPLOY_Secret=x',
  'ENV password=a secret=b',
  'ARG ci_deploy_secret_token=x auth=y',
  'ENV apikey=a daisy=b',
  'ENV ssh_key=',
  'ENV PUBLIC_KEY=',
  'ARG public_token',
  'ARG TOKEN_PASSPHRASE_FILE',
  'ENV password_file=a secret_File=b',
  'ARG AUTH_PLUGIN_VERSION',
  '',
].join('\n');

runRuleTests(secretsUsedInArgOrEnv, {
  invalid: [
    // differs from buildkit: its table goes on with `# check=skip=...` comments scoped to the next instruction;
    // those belong to the linter (src/rules/lint.ts), not to this rule, so the rows stop before them here.
    { name: 'buildkit: names that say secret', code: table,
      findings: [
        { line: 4, message: '(ARG "TOKEN_PASSPHRASE")' }, { line: 5, message: '(ENV "DEPLOY_Secret")' },
        { line: 6, message: '(ENV "password")' }, { line: 6, message: '(ENV "secret")' },
        { line: 7, message: '(ARG "ci_deploy_secret_token")' }, { line: 7, message: '(ARG "auth")' },
        { line: 8, message: '(ENV "apikey")' }, { line: 9, message: '(ENV "ssh_key")' },
      ] },
    { name: 'legacy ENV form', code: 'FROM scratch\nENV API_KEY abc\n', findings: [{ line: 2, message: 'Do not use ARG or ENV instructions for sensitive data (ENV "API_KEY")' }] },
    { name: 'credentials', code: 'FROM scratch\nARG AWS_CREDENTIALS\n', findings: [{ line: 2 }] },
  ],
  valid: [
    { name: 'global ARGs are not checked', code: 'ARG GITHUB_TOKEN\nFROM scratch\n' },
    { name: 'a secret word inside another word', code: 'FROM scratch\nENV KEYBOARD=us MONKEY=1 TOKENIZER=x\n' },
    { name: 'a secret mount instead', code: 'FROM scratch\nRUN --mount=type=secret,id=token,env=GITHUB_TOKEN true\n' },
  ],
});

// The rest of BuildKit's table: `# check=skip=` comments scoped to the instruction after them (the linter's job).
test('buildkit: check=skip comments silence the next instruction only', () => {
  const code = `${table}# check=skip=SecretsUsedInArgOrEnv // allowed here\nENV password=x\n# check=skip=all // only this one\nARG password\nENV auth=y\n`;
  const found = lintDockerfile(parseOrThrow(code), { rules: [secretsUsedInArgOrEnv], context: DEFAULT_RULE_CONTEXT });
  assert.deepEqual(found.map((f) => f.location.line), [4, 5, 6, 6, 7, 7, 8, 9, 19]);
});

test('DL3064 twin: one finding with the other id in aliases', () => {
  const found = lintDockerfile(parseOrThrow('FROM scratch\nARG GITHUB_TOKEN\n'), { rules: [dl3064, secretsUsedInArgOrEnv], context: DEFAULT_RULE_CONTEXT });
  assert.deepEqual(found.map((f) => [f.rule, f.aliases ?? []]), [['DL3064', ['SecretsUsedInArgOrEnv']]]);
  const skipped = lintDockerfile(parseOrThrow('# check=skip=SecretsUsedInArgOrEnv\nFROM scratch\nARG GITHUB_TOKEN\n'), { rules: [dl3064, secretsUsedInArgOrEnv], context: DEFAULT_RULE_CONTEXT });
  assert.deepEqual(skipped, []);
});
