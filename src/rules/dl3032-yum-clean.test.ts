// DL3032 cases: hadolint's spec plus ordering across a chain.
import { dl3032 } from './dl3032-yum-clean.js';
import { runRuleTests } from './testing.js';

runRuleTests(dl3032, {
  invalid: [
    { code: 'RUN yum install -y mariadb-10.4', findings: [{ line: 1, message: 'yum clean all' }], output: 'RUN yum install -y mariadb-10.4 \\\n    && yum clean all',
      name: 'hadolint: not ok with no clean all' },
    { code: 'ONBUILD RUN yum install -y mariadb-10.4', findings: [{ line: 1 }], name: 'hadolint: not ok with no clean all (ONBUILD)' },
    { code: 'RUN yum clean all && yum install -y', findings: [{ line: 1 }], name: 'hadolint: not ok with clean before install' },
    { code: 'FROM centos\nRUN yum install -y a\nRUN yum clean all', findings: [{ line: 2 }], name: 'cleaning in a later RUN is too late' },
  ],
  valid: [
    { code: 'RUN yum install -y mariadb-10.4 && yum clean all', name: 'hadolint: ok with yum clean all ' },
    { code: 'RUN bash -c `# not even a yum command`', name: 'hadolint: ok with yum clean all  (not yum)' },
    { code: 'ONBUILD RUN yum install -y mariadb-10.4 && yum clean all', name: 'hadolint: ok with yum clean all  (ONBUILD)' },
    { code: 'ONBUILD RUN bash -c `# not even a yum command`', name: 'hadolint: ok with yum clean all  (ONBUILD, not yum)' },
    { code: 'RUN yum install -y mariadb-10.4 && rm -rf /var/cache/yum/*', name: 'hadolint: ok with rm -rf /var/cache/yum/*' },
    { code: 'ONBUILD RUN yum install -y mariadb-10.4 && rm -rf /var/cache/yum/*',
      name: 'hadolint: ok with rm -rf /var/cache/yum/* (ONBUILD)' },
    // "not ok with clean before install" also asserts 'RUN yum install -y mariadb-10.4 && yum clean all' silent,
    // a case already in this table.
  ],
});
