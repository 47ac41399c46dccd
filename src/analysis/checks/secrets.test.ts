// Secrets in files (deleted-later ones too), credential files, ENV, labels and history: found, located, and never shown.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDockerfile } from '../../dockerfile/parse.js';
import type { Finding } from '../../rules/rule.js';
import { credentialValues, secrets } from './secrets.js';
import { analyze } from './testing.js';

const GH = 'ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';
const NPM = 'npm_Zz9Yy8Xx7Ww6Vv5Uu4Tt3Ss2Rr1Qq0Pp9Oo8';
const KEY = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n-----END OPENSSH PRIVATE KEY-----\n';
const NETRC_PASSWORD = 'hunter2hunter2';
const DOCKER_AUTH = 'Y2k6c2VjcmV0LXJlZ2lzdHJ5LXBhc3M=';
const ARG_TOKEN = 'Xq7-tK9pL2mN8vB4cR6s';
const LABEL_TOKEN = 'glpat-AbCdEfGhIjKlMnOpQrSt';
const PLANTED = [GH, NPM, NETRC_PASSWORD, DOCKER_AUTH, ARG_TOKEN, LABEL_TOKEN, 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ'];

/** Every string a reporter could print from a finding. */
function printed(f: Finding): string {
  return JSON.stringify(f);
}

async function scan(): Promise<Finding[]> {
  const df = parseDockerfile('FROM debian\nENV GITHUB_TOKEN=x\nARG BUILD_TOKEN\nCOPY . /app\nRUN npm ci\nRUN rm -f /root/.ssh/id_ed25519 /app/.npmrc\n');
  assert.ok(df.ok);
  const r = await analyze(secrets, {
    dockerfile: df.value,
    layers: [
      { files: { 'etc/ssl/private/ssl-cert-snakeoil.key': KEY }, fromBase: true, createdBy: 'ADD rootfs /' },
      {
        files: {
          'root/.ssh/id_ed25519': KEY,
          'root/.netrc': `machine example.com login ci password ${NETRC_PASSWORD}\n`,
          'root/.docker/config.json': `{"auths":{"registry.example.com":{"auth":"${DOCKER_AUTH}"}}}`,
          'app/config/settings.yaml': `github:\n  token: ${GH}\n`,
          'app/.npmrc': `//registry.npmjs.org/:_authToken=${NPM}\n`,
          'app/node_modules/x/test/key.pem': KEY,
        },
        createdBy: `|1 BUILD_TOKEN=${ARG_TOKEN} /bin/sh -c npm ci`,
        line: 5,
      },
      { whiteouts: ['root/.ssh/id_ed25519', 'app/.npmrc'], createdBy: `|1 BUILD_TOKEN=${ARG_TOKEN} /bin/sh -c rm -f /root/.ssh/id_ed25519 /app/.npmrc`, line: 6 },
    ],
    config: {
      env: ['PATH=/usr/bin', `GITHUB_TOKEN=${GH}`],
      labels: { 'ci.token': LABEL_TOKEN, 'org.opencontainers.image.source': 'https://example.com/app' },
      history: [
        { created: null, createdBy: 'ADD rootfs /', comment: null, emptyLayer: false },
        { created: null, createdBy: `ENV GITHUB_TOKEN=${GH}`, comment: null, emptyLayer: true },
        { created: null, createdBy: `ARG BUILD_TOKEN=${ARG_TOKEN}`, comment: null, emptyLayer: true },
        { created: null, createdBy: `|1 BUILD_TOKEN=${ARG_TOKEN} /bin/sh -c npm ci`, comment: null, emptyLayer: false },
        { created: null, createdBy: `|1 BUILD_TOKEN=${ARG_TOKEN} /bin/sh -c rm -f /root/.ssh/id_ed25519 /app/.npmrc`, comment: null, emptyLayer: false },
      ],
    },
  });
  return [...r.findings];
}

test('keys and tokens in files, with the layer that added them; deleted-later ones say they still ship', async () => {
  const f = await scan();
  const files = f.filter((x) => x.rule === 'WH630' || x.rule === 'WH631').map((x) => [x.rule, x.location.path, x.location.layer]);
  assert.deepEqual(files.sort(), [
    ['WH630', '/app/.npmrc', 1],
    ['WH630', '/app/config/settings.yaml', 1],
    ['WH630', '/root/.ssh/id_ed25519', 1],
    ['WH631', '/root/.docker/config.json', 1],
    ['WH631', '/root/.netrc', 1],
  ]);
  const key = f.find((x) => x.location.path === '/root/.ssh/id_ed25519');
  assert.match(key?.message ?? '', /^private key in \/root\/\.ssh\/id_ed25519, added by layer 1 .*fingerprint sha256:[0-9a-f]{8}\); a later layer deletes or replaces the file, but it still ships in layer 1/);
  assert.equal(key?.location.line, 5);
  assert.equal(key?.location.file, 'Dockerfile');
  assert.match(f.find((x) => x.location.path === '/root/.netrc')?.message ?? '', /^netrc password/);
});

test('ENV and labels; build history once per value, not again when ENV already reported it', async () => {
  const f = await scan();
  assert.deepEqual(f.filter((x) => x.rule === 'WH632').map((x) => [x.message.split(' holds')[0], x.location.line]), [['ENV GITHUB_TOKEN', 2], ['LABEL ci.token', undefined]]);
  const history = f.filter((x) => x.rule === 'WH633');
  assert.equal(history.length, 1);
  assert.match(history[0]?.message ?? '', /^password or token value recorded in 3 build history entries, first in layer 1/);
  assert.equal(history[0]?.location.layer, 1);
});

test('no finding shows any part of a planted secret', async () => {
  const f = await scan();
  assert.ok(f.length >= 8);
  for (const x of f) {
    for (const secret of PLANTED) {
      assert.ok(!printed(x).includes(secret), `${x.rule} shows a secret: ${x.message}`);
      assert.ok(!printed(x).includes(secret.slice(4, 12)), `${x.rule} shows part of a secret: ${x.message}`);
    }
  }
});

test('wantsBody: credential names anywhere, keys and configs outside dependency trees, nothing big', () => {
  const w = (p: string, size = 100): boolean => secrets.wantsBody?.(p, size) === true;
  assert.ok(w('/home/app/.npmrc'));
  assert.ok(w('/app/node_modules/pkg/.npmrc'));
  assert.ok(w('/root/.aws/credentials'));
  assert.ok(w('/srv/.env.production'));
  assert.ok(w('/app/config.yaml'));
  assert.ok(!w('/app/node_modules/x/fixtures/key.pem'));
  assert.ok(!w('/usr/lib/python3/dist-packages/x/config.json'));
  assert.ok(!w('/app/logo.png'));
  assert.ok(!w('/app/config.yaml', 200_000), 'configs are read only when small');
  assert.ok(!w('/app/.env', 0));
});

test('credential files by their own syntax; unset and templated values are not logins', () => {
  assert.deepEqual(credentialValues('app/.npmrc', '//r/:_authToken=${NPM_TOKEN}\n').length, 0);
  assert.deepEqual(credentialValues('root/.pypirc', '[pypi]\nusername = me\npassword = s3cret-pw\n').map((c) => c.value), ['s3cret-pw']);
  assert.deepEqual(credentialValues('x/.pgpass', 'db:5432:*:app:pg-pass:word\n#a:b:c:d:e\n').map((c) => c.value), ['pg-pass:word']);
  assert.deepEqual(credentialValues('x/.env', 'DB_PASSWORD=short\nDEBUG=1\nAPI_KEY=\n').map((c) => c.label), ['DB_PASSWORD setting']);
  assert.deepEqual(credentialValues('root/.aws/credentials', '[default]\naws_access_key_id = AKIA\naws_secret_access_key = abc/def\n').map((c) => c.value), ['abc/def']);
});

test('an image without secrets: nothing', async () => {
  const r = await analyze(secrets, { layers: [{ files: { 'app/config.yaml': 'port: 8080\npassword_file: /run/secrets/db\n' } }] });
  assert.deepEqual(r.findings, []);
});

test('layer descriptions drop the build-argument prefix, so an ARG value does not ride along in every message', async () => {
  const r = await analyze(secrets, {
    layers: [{ files: { 'app/.env': 'DB_PASSWORD=letmein\n' }, createdBy: `|1 BUILD_TOKEN=${ARG_TOKEN} /bin/sh -c cp env /app/.env` }],
  });
  assert.deepEqual(r.findings.map((f) => f.rule), ['WH631', 'WH633']);
  assert.match(r.findings[0]?.message ?? '', /^DB_PASSWORD setting in \/app\/\.env, added by layer 0 \(cp env \/app\/\.env\)/);
  for (const secret of ['letmein', ARG_TOKEN]) assert.ok(!JSON.stringify(r.findings).includes(secret));
});
