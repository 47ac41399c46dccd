// DL3036 cases: hadolint's spec plus a bind mount, which does not count.
import { dl3036 } from './dl3036-zypper-clean.js';
import { runRuleTests } from './testing.js';

const cacheMount = 'RUN --mount=type=cache,target=/var/cache/zypp zypper install -y mariadb';
const tmpfsMount = 'RUN --mount=type=tmpfs,target=/var/cache/zypp zypper install -y mariadb';

runRuleTests(dl3036, {
  invalid: [
    { code: 'RUN zypper install -y mariadb=10.4', findings: [{ line: 1, message: 'zypper clean' }], output: 'RUN zypper install -y mariadb=10.4 \\\n    && zypper clean --all',
      name: 'hadolint: not ok without zypper clean' },
    { code: 'ONBUILD RUN zypper install -y mariadb=10.4', findings: [{ line: 1 }], name: 'hadolint: not ok without zypper clean (ONBUILD)' },
    { code: 'RUN zypper clean && zypper install -y mariadb=10.4', findings: [{ line: 1 }], name: 'hadolint: not ok with clean before install' },
    { code: 'FROM opensuse/leap\nRUN --mount=type=bind,target=/var/cache/zypp zypper in -y vim', findings: [{ line: 2 }],
      name: 'a bind mount is not a cache mount' },
  ],
  valid: [
    { code: 'RUN zypper install -y mariadb=10.4 && zypper clean', name: 'hadolint: ok with zypper clean' },
    { code: 'RUN zypper install -y mariadb=10.4 && zypper cc', name: 'hadolint: ok with zypper clean (cc)' },
    { code: 'ONBUILD RUN zypper install -y mariadb=10.4 && zypper clean', name: 'hadolint: ok with zypper clean (ONBUILD)' },
    { code: 'ONBUILD RUN zypper install -y mariadb=10.4 && zypper cc', name: 'hadolint: ok with zypper clean (ONBUILD, cc)' },
    { code: cacheMount, name: 'hadolint: ok when mount type cache is used' },
    { code: `ONBUILD ${cacheMount}`, name: 'hadolint: ok when mount type cache is used (ONBUILD)' },
    { code: tmpfsMount, name: 'hadolint: ok when mount type tmpfs is used' },
    { code: `ONBUILD ${tmpfsMount}`, name: 'hadolint: ok when mount type tmpfs is used (ONBUILD)' },
    { code: 'FROM opensuse/leap\nRUN zypper -n in vim \\\n && zypper -n clean --all', name: 'global flags, continuation' },
  ],
});
