// DL3030 cases: hadolint's spec plus the -y fix.
import { dl3030 } from './dl3030-yum-assume-yes.js';
import { runRuleTests } from './testing.js';

runRuleTests(dl3030, {
  invalid: [
    { code: 'RUN yum install httpd-2.4.24 && yum clean all', findings: [{ line: 1, message: '-y' }],
      output: 'RUN yum install -y httpd-2.4.24 && yum clean all', name: 'hadolint: not ok when not using `-y` switch' },
    { code: 'ONBUILD RUN yum install httpd-2.4.24 && yum clean all', findings: [{ line: 1 }],
      output: 'ONBUILD RUN yum install -y httpd-2.4.24 && yum clean all', name: 'hadolint: not ok when not using `-y` switch (ONBUILD)' },
    { code: 'FROM centos\nRUN yum groupinstall "Dev Tools" \\\n && yum localinstall /tmp/x.rpm \\\n && yum install -q a',
      findings: [{ line: 2 }],
      output: 'FROM centos\nRUN yum groupinstall -y "Dev Tools" \\\n && yum localinstall -y /tmp/x.rpm \\\n && yum install -y -q a',
      name: 'every install variant across continuation lines' },
    { code: 'FROM centos\nRUN ["yum", "install", "httpd"]', findings: [{ line: 2 }], output: null, name: 'exec form: no fix' },
  ],
  valid: [
    { code: 'RUN yum install -y httpd-2.4.24 && yum clean all', name: 'hadolint: ok when using `-y` switch' },
    { code: 'RUN bash -c `# not even a yum command`', name: 'hadolint: ok when using `-y` switch (not yum)' },
    { code: 'ONBUILD RUN yum install -y httpd-2.4.24 && yum clean all', name: 'hadolint: ok when using `-y` switch (ONBUILD)' },
    { code: 'ONBUILD RUN bash -c `# not even a yum command`', name: 'hadolint: ok when using `-y` switch (ONBUILD, not yum)' },
    { code: 'FROM centos\nRUN yum --assumeyes install httpd', name: '--assumeyes' },
    { code: 'FROM centos\nRUN yum -qy install httpd', name: 'combined short flags' },
    { code: 'FROM centos\nRUN yum update', name: 'not an install' },
  ],
});
