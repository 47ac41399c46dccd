// DL3008 cases, hadolint's own spec cases included.
import { dl3008 } from './dl3008-apt-pin-versions.js';
import { runRuleTests } from './testing.js';

const chained = 'RUN apt-get update \\\n && apt-get -yqq --no-install-recommends install nodejs=0.10 \\\n && rm -rf /var/lib/apt/lists/*';
const regression = 'RUN apt-get update && apt-get install --no-install-recommends -y \\\npython-demjson=2.2.2* \\\nwget=1.16.1* \\\ngit=1:2.5.0* \\\nruby=1:2.1.*';
const targetRelease = [
  'RUN set -e &&\\',
  ' echo "deb http://http.debian.net/debian jessie-backports main" > /etc/apt/sources.list.d/jessie-backports.list &&\\',
  ' apt-get update &&\\',
  ' apt-get install -y --no-install-recommends -t jessie-backports openjdk-8-jdk=8u131-b11-1~bpo8+1 &&\\',
  ' rm -rf /var/lib/apt/lists/*',
].join('\n');
const onbuild = (code: string): string => code.replace(/^RUN /gm, 'ONBUILD RUN ');

runRuleTests(dl3008, {
  invalid: [
    { code: 'RUN apt-get update && apt-get install python', findings: [{ line: 1, message: 'python=<version>' }], output: null,
      name: 'hadolint: apt-get version pinning' },
    { code: 'ONBUILD RUN apt-get update && apt-get install python', findings: [{ line: 1 }],
      name: 'hadolint: apt-get version pinning (ONBUILD)' },
    { code: 'FROM debian:12\nRUN apt-get install -y curl=7.88.1-10 \\\n    git', findings: [{ line: 2, message: 'git unpinned' }],
      name: 'one unpinned package among pinned ones' },
    { code: 'FROM debian:12\nRUN apt-get install -t bookworm-backports curl', findings: [{ line: 2, message: 'curl' }],
      name: 'the target release is not the package' },
  ],
  valid: [
    { code: chained, name: 'hadolint: apt-get pinned chained' },
    { code: onbuild(chained), name: 'hadolint: apt-get pinned chained (ONBUILD)' },
    { code: regression, name: 'hadolint: apt-get pinned regression' },
    { code: onbuild(regression), name: 'hadolint: apt-get pinned regression (ONBUILD)' },
    { code: 'RUN apt-get install -y python=1.2.2', name: 'hadolint: apt-get version' },
    { code: 'ONBUILD RUN apt-get install -y python=1.2.2', name: 'hadolint: apt-get version (ONBUILD)' },
    { code: 'RUN apt-get install ./wkhtmltox_0.12.5-1.bionic_amd64.deb', name: 'hadolint: apt-get version (.deb)' },
    { code: 'ONBUILD RUN apt-get install ./wkhtmltox_0.12.5-1.bionic_amd64.deb', name: 'hadolint: apt-get version (.deb, ONBUILD)' },
    { code: 'RUN apt-get -y --no-install-recommends install nodejs=0.10', name: 'hadolint: apt-get pinned' },
    { code: 'ONBUILD RUN apt-get -y --no-install-recommends install nodejs=0.10', name: 'hadolint: apt-get pinned (ONBUILD)' },
    { code: targetRelease, name: 'hadolint: apt-get tolerate target-release' },
    { code: onbuild(targetRelease), name: 'hadolint: apt-get tolerate target-release (ONBUILD)' },
    { code: 'FROM debian:12\nRUN apt-get install -y curl/bookworm-backports', name: 'a release pin' },
    { code: 'FROM debian:12\nRUN apt install curl', name: 'apt (not apt-get) is out of scope, as in hadolint' },
  ],
});
