// DL3016 cases, hadolint's own spec cases included.
import { dl3016 } from './dl3016-npm-pin-versions.js';
import { runRuleTests } from './testing.js';

// Every hadolint case comes in a pair: as written and inside ONBUILD.
const both = (code: string, name: string): { code: string; name: string }[] => [
  { code, name: `hadolint: ${name}` },
  { code: `ONBUILD ${code}`, name: `hadolint: ${name} (ONBUILD)` },
];
const fires = (code: string, name: string): { code: string; name: string; findings: { line: number }[] }[] =>
  both(code, name).map((c) => ({ ...c, findings: [{ line: 1 }] }));

runRuleTests(dl3016, {
  invalid: [
    { code: 'RUN npm install express', findings: [{ line: 1, message: 'express@<version>' }], output: null,
      name: 'hadolint: version not pinned' },
    { code: 'ONBUILD RUN npm install express', findings: [{ line: 1 }], name: 'hadolint: version not pinned (ONBUILD)' },
    ...fires('RUN npm install @myorg/privatepackage', 'version not pinned with scope'),
    ...fires('RUN npm install express sax@0.1.1', 'version not pinned multiple packages'),
    ...fires('RUN npm install --global express', 'version not pinned with --global'),
    ...fires('RUN npm install git+ssh://git@github.com:npm/npm.git', 'commit not pinned for git+ssh'),
    ...fires('RUN npm install git+http://isaacs@github.com/npm/npm', 'commit not pinned for git+http'),
    ...fires('RUN npm install git+https://isaacs@github.com/npm/npm.git', 'commit not pinned for git+https'),
    ...fires('RUN npm install git://github.com/npm/npm.git', 'commit not pinned for git'),
    ...fires('RUN npm install --registry https://example.com express', 'version not pinned with --registry flag'),
    ...fires('RUN npm install --registry=https://example.com express', 'version not pinned with --registry=value form'),
    { code: 'FROM node:20\nRUN npm ci && npm install -g pnpm', findings: [{ line: 2, message: 'pnpm' }], name: 'after npm ci' },
    { code: 'FROM node:20\nRUN npm install @my-org/tool', findings: [{ line: 2 }], name: 'scope with a dash' },
  ],
  valid: [
    ...both('RUN npm install', 'version pinned in package.json'),
    ...both('RUN npm install --progress=false', 'version pinned in package.json with arguments'),
    ...both('RUN npm install express@4.1.1', 'version pinned'),
    ...both('RUN npm install @myorg/privatepackage@">=0.1.0"', 'version pinned with scope'),
    ...both('RUN npm install express@"4.1.1" sax@0.1.1', 'version pinned multiple packages'),
    ...both('RUN npm install --global express@"4.1.1"', 'version pinned with --global'),
    ...both('RUN npm install -g express@"4.1.1"', 'version pinned with -g'),
    ...both('RUN npm install package-v1.2.3.tar', 'version does not have to be pinned for tarball suffix .tar'),
    ...both('RUN npm install package-v1.2.3.tar.gz', 'version does not have to be pinned for tarball suffix .tar.gz'),
    ...both('RUN npm install package-v1.2.3.tgz', 'version does not have to be pinned for tarball suffix .tgz'),
    ...both('RUN npm install /folder', 'version does not have to be pinned for folder - absolute path'),
    ...both('RUN npm install ./folder', 'version does not have to be pinned for folder - relative path from current folder'),
    ...both('RUN npm install ../folder', 'version does not have to be pinned for folder - relative path to parent folder'),
    ...both('RUN npm install ~/folder', 'version does not have to be pinned for folder - relative path from home'),
    ...both('RUN npm install git+ssh://git@github.com:npm/npm.git#v1.0.27', 'commit pinned for git+ssh'),
    ...both('RUN npm install git+http://isaacs@github.com/npm/npm#semver:^5.0', 'commit pinned for git+http'),
    ...both('RUN npm install git+https://isaacs@github.com/npm/npm.git#v1.0.27', 'commit pinned for git+https'),
    ...both('RUN npm install git://github.com/npm/npm.git#v1.0.27', 'commit pinned for git'),
    ...both('RUN npm run --crazy install', 'npm run install is fine'),
    ...both('RUN npm install @myorg/privatepackage@">=0.1.0 <0.2.0"', 'version pinned with scope (range)'),
    ...both('RUN npm install --loglevel verbose sax@0.1.1', "don't fire on loglevel flag"),
    ...both('RUN npm install --registry https://example.com sax@0.1.1', "don't fire on registry flag"),
    { code: 'FROM node:20\nRUN npm ci --omit=dev', name: 'npm ci installs from the lockfile' },
    { code: 'FROM node:20\nRUN npm install @my-org/tool@2.1.0', name: 'scope with a dash, pinned' },
  ],
});
