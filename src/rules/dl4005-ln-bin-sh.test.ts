// DL4005 cases: hadolint's spec, each also as an ONBUILD trigger, and a few of our own.
import { dl4005 } from './dl4005-ln-bin-sh.js';
import { runRuleTests } from './testing.js';

runRuleTests(dl4005, {
  invalid: [
    { code: 'RUN ln -sfv /bin/bash /bin/sh', findings: [{ line: 1, message: 'SHELL' }], name: 'hadolint: RUN ln' },
    { code: 'ONBUILD RUN ln -sfv /bin/bash /bin/sh', findings: [{ line: 1 }], name: 'hadolint: RUN ln (ONBUILD)' },
    { code: 'FROM debian\nRUN apt-get update && ln -sf bash /bin/sh', findings: [{ line: 2 }], name: 'inside a chain' },
  ],
  valid: [
    { code: 'RUN ln -sf /bin/true /sbin/initctl', name: 'hadolint: RUN ln with unrelated symlinks' },
    { code: 'ONBUILD RUN ln -sf /bin/true /sbin/initctl', name: 'hadolint: RUN ln with unrelated symlinks (ONBUILD)' },
    { code: 'RUN ln -s foo bar && unrelated && something_with /bin/sh', name: 'hadolint: RUN ln with multiple acceptable commands' },
    { code: 'ONBUILD RUN ln -s foo bar && unrelated && something_with /bin/sh', name: 'hadolint: RUN ln with multiple acceptable commands (ONBUILD)' },
    { code: 'FROM debian\nSHELL ["/bin/bash", "-c"]', name: 'SHELL itself' },
  ],
});
