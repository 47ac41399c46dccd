// DL3011 cases, hadolint's own spec cases included.
import { dl3011 } from './dl3011-valid-port-range.js';
import { runRuleTests } from './testing.js';

runRuleTests(dl3011, {
  invalid: [
    { code: 'EXPOSE 80000', findings: [{ line: 1, message: '80000' }], output: null, name: 'hadolint: invalid port' },
    { code: 'EXPOSE 40000-80000/tcp', findings: [{ line: 1, message: '80000' }], name: 'hadolint: invalid port in range' },
    { code: 'FROM nginx:1\nEXPOSE 80 443 70000/udp', findings: [{ line: 2, message: '70000' }], name: 'one bad port among good ones' },
    { code: 'FROM nginx:1\nEXPOSE 99999-100000', findings: [{ line: 2, message: '99999, 100000' }], name: 'both ends of a range' },
  ],
  valid: [
    { code: 'EXPOSE 60000', name: 'hadolint: valid port' },
    { code: 'EXPOSE ${FOOBAR}', name: 'hadolint: valid port variable' },
    { code: 'EXPOSE 40000-60000/tcp', name: 'hadolint: valid port range' },
    { code: 'EXPOSE 40000-${FOOBAR}', name: 'hadolint: valid port range variable' },
    { code: 'FROM nginx:1\nEXPOSE 0 65535/udp', name: 'the bounds themselves' },
  ],
});
