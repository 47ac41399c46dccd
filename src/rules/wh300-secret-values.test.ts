// WH300 cases, and the proof that no secret pattern's value ever reaches a finding message.
// Fake secrets are built at run time so this file never holds a literal that secret scanners would flag.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SECRET_PATTERNS, findSecrets, fingerprint, looksRandom, maskSecret, redactSecrets } from './secret-patterns.js';
import { lintDockerfile } from './lint.js';
import type { Rule } from './rule.js';
import { DEFAULT_RULE_CONTEXT, findingAt } from './rule.js';
import { checkRule, parseOrThrow, runRuleTests } from './testing.js';
import { wh300 } from './wh300-secret-values.js';

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';
const ALNUM = `${UPPER}abcdefghijklmnopqrstuvwxyz${DIGITS}`;

// Deterministic pseudo-random text, so cases and their fingerprints stay stable.
function fake(alphabet: string, length: number, seed: number): string {
  let x = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += alphabet[(x >>> 8) % alphabet.length] ?? 'x';
  }
  return out;
}

interface Sample {
  readonly kind: string;
  readonly text: string;
  readonly secret: string;
}

function sample(kind: string, text: string, secret = text): Sample {
  return { kind, text, secret };
}

const ghp = `ghp_${fake(ALNUM, 36, 1)}`;
const npm = `npm_${fake(ALNUM, 36, 2)}`;
const slackPath = `T${fake(UPPER + DIGITS, 8, 3)}/B${fake(UPPER + DIGITS, 8, 4)}/${fake(ALNUM, 24, 5)}`;
const urlPassword = fake(ALNUM, 12, 6);
const bearer = fake(`${ALNUM}._-`, 32, 7);
const dbPassword = fake(`${ALNUM}!#%`, 16, 8);
const flagPassword = fake(ALNUM, 14, 9);
const awsSecret = fake(`${ALNUM}/+`, 40, 10);
const echoed = fake(ALNUM, 18, 11);

const SAMPLES: readonly Sample[] = [
  sample('private-key', ['-----BEGIN', 'OPENSSH', 'PRIVATE', 'KEY-----'].join(' ')),
  sample('aws-access-key-id', `AKIA${fake(UPPER + DIGITS, 16, 12)}`),
  sample('aws-secret-access-key', `aws_secret_access_key=${awsSecret}`, awsSecret),
  sample('github-token', ghp),
  sample('github-fine-grained-token', `github_pat_${fake(ALNUM, 22, 13)}_${fake(ALNUM, 59, 14)}`),
  sample('gitlab-token', `glpat-${fake(ALNUM, 20, 15)}`),
  sample('npm-token', npm),
  sample('slack-token', `xoxb-${fake(DIGITS, 12, 16)}-${fake(DIGITS, 13, 17)}-${fake(ALNUM, 24, 18)}`),
  sample('slack-webhook', `https://hooks.slack.com/services/${slackPath}`, slackPath),
  sample('google-api-key', `AIza${fake(`${ALNUM}_-`, 35, 19)}`),
  sample('stripe-secret-key', ['sk', 'live', fake(ALNUM, 24, 20)].join('_')),
  sample('jwt', ['eyJhbGciOiJIUzI1NiJ9', 'eyJzdWIiOiIxMjM0NTY3ODkwIn0', fake(`${ALNUM}_-`, 43, 21)].join('.')),
  sample('url-credentials', `https://deploy:${urlPassword}@git.example.com/app.git`, urlPassword),
  sample('authorization-header', `Authorization: Bearer ${bearer}`, bearer),
  sample('credential-assignment', `DB_PASSWORD=${dbPassword}`, dbPassword),
  sample('curl-user-password', 'curl -fsSL -u deploy:hunter2 https://repo.example.com/x.tgz', 'hunter2'),
  sample('credential-flag', `--password ${flagPassword}`, flagPassword),
];

test('curl -u: the password after the colon, not a variable, not a placeholder, not other tools\' -u', () => {
  assert.deepEqual(findSecrets('curl --user=ci:Zq8Lm3 https://x').map((f) => f.value), ['Zq8Lm3']);
  assert.deepEqual(findSecrets('curl -u "$USER:$PASS" https://x'), []);
  assert.deepEqual(findSecrets('curl -u admin:changeme https://x'), []);
  assert.deepEqual(findSecrets('docker run -u 1000:1000 img && sudo -u app:app id'), []);
});

test('every secret pattern has a sample, and finds exactly its value there', () => {
  assert.deepEqual(SAMPLES.map((s) => s.kind), SECRET_PATTERNS.map((p) => p.kind));
  for (const s of SAMPLES) {
    const found = findSecrets(s.text);
    assert.deepEqual(found.map((f) => [f.kind, f.value]), [[s.kind, s.secret]], s.kind);
  }
});

test('maskSecret shows at most 4 characters, the length and a sha256 fingerprint', () => {
  assert.equal(fingerprint('abc'), 'ba7816bf');
  assert.equal(maskSecret(npm), `npm_…(40 chars, sha256:${fingerprint(npm)})`);
  assert.equal(maskSecret('hunter2!'), `hu…(8 chars, sha256:${fingerprint('hunter2!')})`);
  assert.equal(maskSecret('abc'), `…(3 chars, sha256:${fingerprint('abc')})`);
});

test('redactSecrets masks every secret in a text and keeps the rest', () => {
  const text = `git clone https://deploy:${urlPassword}@git.example.com/app.git && echo ${ghp}`;
  assert.equal(
    redactSecrets(text),
    `git clone https://deploy:${maskSecret(urlPassword)}@git.example.com/app.git && echo ${maskSecret(ghp)}`,
  );
  assert.equal(redactSecrets('nothing to hide'), 'nothing to hide');
});

test('looksRandom separates credentials from settings and placeholders', () => {
  for (const v of [dbPassword, 'hunter2-Zq', 'Tr0ub4dor&3', 'secret123']) assert.ok(looksRandom(v), v);
  for (const v of ['changeme', 'password', '/run/secrets/db', 'https://auth.example.com', 'abc', 'aaaaaaaa1']) assert.ok(!looksRandom(v), v);
});

// Every 5-character piece of a secret: a message holding any of them shows more than the mask allows.
function leaks(message: string, secret: string): string | undefined {
  for (let i = 0; i + 5 <= secret.length; i++) {
    const piece = secret.slice(i, i + 5);
    if (message.includes(piece)) return piece;
  }
  return undefined;
}

for (const s of SAMPLES) {
  test(`no finding message shows the ${s.kind} value`, () => {
    const quoted = s.text.replace(/"/g, '\\"');
    const dockerfiles = [
      `FROM alpine\nENV SAMPLE="${quoted}"`,
      `FROM alpine\nARG SAMPLE="${quoted}"`,
      `FROM alpine\nLABEL sample="${quoted}"`,
      `FROM alpine\nRUN echo '${s.text}' > /tmp/sample`,
      `FROM alpine\nONBUILD RUN echo '${s.text}' > /tmp/sample`,
    ];
    for (const code of dockerfiles) {
      const found = checkRule(wh300, code);
      assert.equal(found.length, 1, code);
      const message = found[0]?.message ?? '';
      assert.ok(!message.includes(s.secret), message);
      assert.equal(leaks(message, s.secret), undefined, message);
      assert.ok(message.includes(`sha256:${fingerprint(s.secret)}`), message);
      const label = SECRET_PATTERNS.find((p) => p.kind === s.kind)?.label ?? '?';
      assert.ok(message.includes(label), message);
    }
  });
}

runRuleTests(wh300, {
  invalid: [
    { code: `FROM alpine\nENV GH_TOKEN=${ghp}`, findings: [{ line: 2, message: 'ENV GH_TOKEN contains a GitHub token (ghp_…' }] },
    { code: `ARG NPM_TOKEN=${npm}\nFROM node:20`, findings: [{ line: 1, message: 'ARG NPM_TOKEN contains an npm token' }], name: 'global ARG default' },
    { code: `FROM alpine\nLABEL deploy.key="${ghp}"`, findings: [{ line: 2, message: 'LABEL deploy.key' }] },
    {
      code: `FROM alpine\nRUN curl -fsSL -H "Authorization: Bearer ${ghp}" https://api.github.com/repos/acme/app`,
      findings: [{ line: 2, message: 'RUN --mount=type=secret' }],
      name: 'curl with a GitHub token header',
    },
    {
      code: `FROM node:20\nRUN npm config set //registry.npmjs.org/:_authToken=${npm} && npm ci`,
      findings: [{ line: 2, message: 'RUN contains an npm token' }],
      name: 'npm auth token',
    },
    {
      code: `FROM alpine\nRUN echo "password=${echoed}" > /etc/app.conf`,
      findings: [{ line: 2, message: 'password or token value' }],
      name: 'echoed password',
    },
    {
      code: `FROM alpine\nRUN git clone https://deploy:${urlPassword}@git.example.com/app.git`,
      findings: [{ line: 2, message: 'password in a URL' }],
      name: 'URL credentials',
    },
    {
      code: `FROM alpine\nENV DATABASE_PASSWORD=${dbPassword}`,
      findings: [{ line: 2, message: 'it ships in the image config' }],
      name: 'literal database password',
    },
    {
      code: 'FROM node:20\nENV DATABASE_PASSWORD=secret123',
      findings: [{ line: 2, message: 'ENV DATABASE_PASSWORD contains a password or token value (se…(9 chars' }],
      name: 'the image-optimization guide\'s own bad example',
    },
    { code: `FROM python:3.12\nENV DJANGO_SECRET_KEY=${dbPassword}`, findings: [{ line: 2, message: 'ENV DJANGO_SECRET_KEY' }], name: 'SECRET_KEY' },
    { code: `FROM ruby:3.3\nENV SECRET_KEY_BASE=${echoed}`, findings: [{ line: 2 }], name: 'SECRET_KEY_BASE' },
    {
      code: `FROM alpine\nENV GH_TOKEN=${ghp} NPM_TOKEN=${npm}`,
      findings: [{ line: 2, message: 'GitHub' }, { line: 2, message: 'npm' }],
      name: 'two secrets in one ENV',
    },
    {
      code: `FROM alpine\nRUN apk add git \\\n && git clone https://x:${urlPassword}@git.example.com/app.git`,
      findings: [{ line: 2 }],
      name: 'continuation line',
    },
    { code: `FROM alpine\nONBUILD ENV GH_TOKEN=${ghp}`, findings: [{ line: 2, message: 'ENV GH_TOKEN' }], name: 'ONBUILD ENV' },
    {
      code: `FROM node:20 AS build\nRUN echo "//registry.npmjs.org/:_authToken=${npm}" > .npmrc && npm ci\nFROM node:20-slim\nCOPY --from=build /app /app`,
      findings: [{ line: 2 }],
      name: 'build stage: the secret is still in the Dockerfile and the build cache',
    },
    {
      code: `FROM alpine\nCMD ["app", "--token", "${ghp}"]`,
      findings: [{ line: 2, message: 'CMD contains a GitHub token' }],
      name: 'exec-form CMD',
    },
  ],
  valid: [
    'FROM alpine\nENV DB_PASSWORD_FILE=/run/secrets/db_password',
    'FROM node:20\nARG NPM_TOKEN\nRUN --mount=type=secret,id=npm,env=NPM_TOKEN npm ci',
    'FROM alpine\nENV API_KEY=${API_KEY}',
    'FROM alpine\nENV PASSWORD=changeme',
    'FROM node:20\nRUN npm config set //registry.npmjs.org/:_authToken=${NPM_TOKEN}',
    'FROM alpine\nRUN curl -H "Authorization: Bearer $TOKEN" https://api.example.com/',
    'FROM docker\nRUN --mount=type=secret,id=pw cat /run/secrets/pw | docker login --password-stdin -u ci registry.example.com',
    'FROM alpine\nLABEL org.opencontainers.image.source=https://github.com/acme/app',
    'FROM alpine\nENV TOKEN_URL=https://auth.example.com/oauth/token',
    'FROM alpine\nENV GIT_COMMIT=3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f',
    'FROM alpine\nRUN git clone https://${GH_USER}:${GH_TOKEN}@github.com/acme/app.git',
    'FROM alpine\nENV AUTHOR=John_Smith_1',
    'FROM alpine\nENV PASSWORD_HASH_ALGO=argon2id TOKEN_TTL_SECONDS=86400',
    { code: 'FROM alpine\nENV SECRET_NAME=db-prod-01', name: 'a name that refers to a secret' },
    'FROM alpine\nARG GITHUB_TOKEN\nFROM alpine AS final\nRUN echo done',
  ],
});

test('a DL3064 finding on the same line is the same finding', () => {
  const dl3064: Rule = {
    id: 'DL3064', title: 'stand-in', category: 'security', severity: 'warning', origin: 'hadolint', fixable: false,
    check: (df) => df.instructions.filter((i) => i.keyword === 'ENV').map((i) => findingAt(dl3064, i, 'sensitive name')),
  };
  const found = lintDockerfile(parseOrThrow(`FROM alpine\nENV GH_TOKEN=${ghp}`), { rules: [dl3064, wh300], context: DEFAULT_RULE_CONTEXT });
  assert.deepEqual(found.map((f) => [f.rule, f.aliases, f.location.line]), [['DL3064', ['WH300'], 2]]);
});
