// DL3018 cases, hadolint's own spec cases included.
import { dl3018 } from './dl3018-apk-pin-versions.js';
import { runRuleTests } from './testing.js';

const onbuild = (code: string): string => code.replace(/^RUN /gm, 'ONBUILD RUN ');
const both = (code: string, name: string): { code: string; name: string }[] => [
  { code, name: `hadolint: ${name}` },
  { code: onbuild(code), name: `hadolint: ${name} (ONBUILD)` },
];
const chained = 'RUN apk add --no-cache flex=2.6.4-r1 \\\n && pip install -r requirements.txt';
const regression = 'RUN apk add --no-cache \\\nflex=2.6.4-r1 \\\nlibffi=3.2.1-r3 \\\npython2=2.7.13-r1 \\\nlibbz2=1.0.6-r5';
const fuzzy = 'RUN apk add --no-cache \\\n  "flex>=2.6.1-r1" \\\n  "libffi~3.2.1" \\\n  "python3<3.6.12-r2" \\\n  "libbz2=~1.0.6-r4"';
const oneMissed = 'RUN apk add --no-cache \\\nflex=2.6.4-r1 \\\nlibffi \\\npython2=2.7.13-r1 \\\nlibbz2=1.0.6-r5';
const virtual = 'RUN apk add \\\n--virtual build-dependencies \\\npython-dev=1.1.1 build-base=2.2.2 wget=3.3.3 \\\n'
  + '&& pip install -r requirements.txt \\\n&& python setup.py install \\\n&& apk del build-dependencies';
const repo = (flag: string): string => `RUN apk add --no-cache \\\n${flag}https://nl.alpinelinux.org/alpine/edge/testing \\\nflow=0.78.0-r0`;

runRuleTests(dl3018, {
  invalid: [
    { code: 'RUN apk add flex', findings: [{ line: 1, message: 'flex=<version>' }], output: null, name: 'hadolint: apk add version pinning single' },
    { code: 'ONBUILD RUN apk add flex', findings: [{ line: 1 }], name: 'hadolint: apk add version pinning single (ONBUILD)' },
    { code: oneMissed, findings: [{ line: 1, message: 'libffi unpinned' }], name: 'hadolint: apk add version pinned regression - one missed' },
    { code: onbuild(oneMissed), findings: [{ line: 1 }], name: 'hadolint: apk add version pinned regression - one missed (ONBUILD)' },
    { code: 'FROM alpine:3.20\nRUN apk add --virtual .deps gcc', findings: [{ line: 2, message: 'gcc' }], name: 'the virtual name is not checked, the package is' },
  ],
  valid: [
    ...both('RUN apk add flex=2.6.4-r1', 'apk add no version pinning single'),
    ...both('RUN apk add --no-cache git~2.52.0', 'apk add tilde version pinning single'),
    ...both('RUN apk add --no-cache git~=2.52', 'apk add ~= and =~ version pinning'),
    ...both('RUN apk add --no-cache git=~2.52', 'apk add ~= and =~ version pinning (=~)'),
    ...both(chained, 'apk add version pinned chained'),
    ...both(regression, 'apk add version pinned regression'),
    ...both(fuzzy, 'apk add version pinned with fuzzy versions'),
    ...both(virtual, 'apk add virtual package'),
    ...both(repo('--repository '), 'apk add with repository without equal sign'),
    ...both(repo('--repository='), 'apk add with repository with equal sign'),
    ...both(repo('-X '), 'apk add with repository (-X) without equal sign'),
    ...both('RUN apk add mypackage-1.1.1.apk', "don't trigger when installing from .apk file"),
    { code: 'FROM alpine:3.20\nRUN apk del curl && apk update', name: 'apk without add' },
  ],
});
