// DL3033 cases: every hadolint spec case plus a few of our own.
import { dl3033 } from './dl3033-yum-pin-versions.js';
import { runRuleTests } from './testing.js';

runRuleTests(dl3033, {
  invalid: [
    { code: 'RUN yum install -y tomcat && yum clean all', findings: [{ line: 1 }], name: 'hadolint: not ok without yum version pinning' },
    { code: 'ONBUILD RUN yum install -y tomcat && yum clean all', findings: [{ line: 1 }], name: 'hadolint: not ok without yum version pinning (ONBUILD)' },
    { code: 'RUN yum module install -y tomcat && yum clean all', findings: [{ line: 1 }], name: 'hadolint: not ok without yum version pinning - modules' },
    { code: 'ONBUILD RUN yum module install -y tomcat && yum clean all', findings: [{ line: 1 }], name: 'hadolint: not ok without yum version pinning - modules (ONBUILD)' },
    { code: 'FROM fedora:fc42 AS build\nENV version=2.51.0-2.fc42\nFROM fedora:fc42\nRUN yum -y install git-core-${version}\n', findings: [{ line: 4 }], name: 'hadolint: not ok with version as variable - different stages, new stage' },
    // Our own cases.
    { code: 'FROM centos\nRUN yum install -y httpd-2.4 \\\n    mod_ssl', findings: [{ line: 2, message: 'mod_ssl-<version>' }],
      output: null, name: 'one of two unpinned, across a continuation' },
    { code: 'FROM centos\nENV V=1.2\nONBUILD RUN yum install -y app-${V}', findings: [{ line: 3 }],
      name: 'as hadolint, an ONBUILD RUN sees only ENV and ARG triggers' },
    { code: 'FROM centos\nRUN yum install -y /tmp/app.rpm', findings: [{ line: 2 }],
      name: 'as hadolint, an .rpm without a dash in its path counts as unpinned' },
  ],
  valid: [
    { code: 'RUN yum install -y tomcat-9.2 && yum clean all', name: 'hadolint: ok with yum version pinning' },
    { code: 'RUN bash -c `# not even a yum command`', name: 'hadolint: ok with yum version pinning (not yum)' },
    { code: 'ONBUILD RUN yum install -y tomcat-9.2 && yum clean all', name: 'hadolint: ok with yum version pinning (ONBUILD)' },
    { code: 'ONBUILD RUN bash -c `# not even a yum command`', name: 'hadolint: ok with yum version pinning (ONBUILD, not yum)' },
    { code: 'RUN yum install -y openssl-1:1.1.1k', name: 'hadolint: ok with yum version pinning - version contains epoch' },
    { code: 'ONBUILD RUN yum install -y openssl-1:1.1.1k', name: 'hadolint: ok with yum version pinning - version contains epoch (ONBUILD)' },
    { code: 'RUN yum install -y rpm-sign-4.16.1.3', name: 'hadolint: ok with yum version pinning - package name contains `-`' },
    { code: 'ONBUILD RUN yum install -y rpm-sign-4.16.1.3', name: 'hadolint: ok with yum version pinning - package name contains `-` (ONBUILD)' },
    { code: 'RUN yum install -y gcc-c++-1.1.1', name: 'hadolint: ok with yum version pinning - package name contains `-` and `+`' },
    { code: 'ONBUILD RUN yum install -y gcc-c++-1.1.1', name: 'hadolint: ok with yum version pinning - package name contains `-` and `+` (ONBUILD)' },
    { code: 'RUN yum module install -y tomcat:9 && yum clean all', name: 'hadolint: ok with yum version pinning - modules' },
    { code: 'ONBUILD RUN yum module install -y tomcat:9 && yum clean all', name: 'hadolint: ok with yum version pinning - modules (ONBUILD)' },
    { code: 'ENV version=2.51.0-2.fc42\nRUN yum -y install git-core-${version}\n', name: 'hadolint: ok with version as variable - braced' },
    { code: 'ARG version=2.51.0-2.fc42\nRUN yum -y install git-core-$version\n', name: 'hadolint: ok with version as arg - unbraced' },
    { code: 'FROM fedora:fc42 AS build\nARG version=2.51.0-2.fc42\nFROM fedora:fc42\nRUN yum -y install git-core-${version}\n', name: 'hadolint: ok with version as arg - different stages' },
    { code: 'FROM fedora:fc42 AS build\nENV version=2.51.0-2.fc42\nFROM build\nRUN yum -y install git-core-${version}\n', name: 'hadolint: ok with version as env - different stages, reused stage' },
    { code: 'FROM centos\nONBUILD ARG V\nONBUILD RUN yum install -y app-${V}', name: 'ARG trigger defines the version of a RUN trigger' },
    { code: 'FROM centos\nRUN yum install -y /tmp/app-1.0.rpm && yum update -y', name: 'a local rpm, and no install in yum update' },
  ],

});
