// DL3066 cases: hadolint's spec and a few of our own.
import { dl3066 } from './dl3066-non-numeric-user.js';
import { runRuleTests } from './testing.js';

runRuleTests(dl3066, {
  invalid: [
    { code: 'USER foobar', findings: [{ line: 1, message: '"foobar"' }], name: 'hadolint: not ok: non-numeric UID' },
    { code: 'USER foobar:barfoo', findings: [{ line: 1 }], name: 'hadolint: not ok: non-numeric UID and GID' },
    { code: 'FROM alpine\nUSER ${APP_UID}', findings: [{ line: 2 }], name: 'a variable that no ARG declares' },
    { code: 'FROM alpine\nUSER app\nARG app\nUSER 1000', findings: [{ line: 2 }], name: 'an ARG declared later does not count' },
  ],
  valid: [
    { code: 'USER 12345', name: 'hadolint: ok: numeric UID' },
    { code: 'USER 1234:5678', name: 'hadolint: ok: numeric UID and GID' },
    { code: 'ARG APP_UID\nFROM foobar:barfoo\nUSER ${APP_UID}\n', name: 'hadolint: ok: UID is non-numeric, but is a defined ARG' },
    { code: 'FROM alpine\nARG UID=1000\nUSER $UID:$UID', name: '$NAME form' },
    { code: 'FROM alpine\nUSER 1000:app', name: 'only the user part must be numeric' },
    { code: 'FROM alpine\nONBUILD USER app', name: 'ONBUILD USER is not checked (as in hadolint)' },
  ],
});
