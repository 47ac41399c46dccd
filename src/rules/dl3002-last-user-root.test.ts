// DL3002 cases, hadolint's own spec cases included.
import { dl3002 } from './dl3002-last-user-root.js';
import { runRuleTests } from './testing.js';

runRuleTests(dl3002, {
  invalid: [
    { code: 'FROM scratch\nUSER root', findings: [{ line: 2, message: 'root' }], output: null,
      name: 'hadolint: last user should not be root' },
    { code: 'FROM scratch\nUSER 0', findings: [{ line: 2 }], name: 'hadolint: no root UID' },
    { code: 'FROM scratch\nUSER root:root', findings: [{ line: 2 }], name: 'hadolint: no root:root' },
    { code: 'FROM scratch\nUSER 0:0', findings: [{ line: 2 }], name: 'hadolint: no UID:GID' },
    { code: 'FROM debian as base\nUSER root\nRUN something\nFROM base\nRUN something else', findings: [{ line: 2 }],
      name: 'hadolint: warns on transitive root user' },
    { code: 'FROM debian as base\nUSER root\nRUN something\nFROM scratch\nUSER foo\nRUN something else',
      findings: [{ line: 2 }], name: 'hadolint: warns on multiple stages' },
    { code: 'FROM debian:12\nUSER app\nRUN make\nUSER root', findings: [{ line: 4 }], name: 'switching back to root' },
    { code: 'FROM debian:12\nUSER root\nFROM debian:12\nUSER 0', findings: [{ line: 2 }, { line: 4 }], name: 'one per stage' },
  ],
  valid: [
    { code: 'FROM scratch\nUSER foo', name: 'hadolint: no root' },
    { code: 'FROM scratch\nUSER root\nRUN something\nUSER foo', name: 'hadolint: can switch back to non root' },
    { code: 'FROM debian as base\nUSER root\nRUN something\nUSER foo\nFROM scratch\nRUN something else',
      name: 'hadolint: does not warn when switching in multiple stages' },
    { code: 'USER root\nFROM debian:12\nUSER app', name: 'USER before the first FROM' },
    { code: 'FROM debian:12\nUSER rootless', name: 'a user whose name starts with root' },
    { code: 'FROM debian:12\nUSER 1000:0', name: 'root group, unprivileged user' },
  ],
});
