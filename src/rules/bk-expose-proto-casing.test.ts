// ExposeProtoCasing cases, with BuildKit's own check-test scenario rewritten as a `buildkit:` case.
import { exposeProtoCasing } from './bk-expose-proto-casing.js';
import { runRuleTests } from './testing.js';

runRuleTests(exposeProtoCasing, {
  invalid: [
    {
      code: '\nFROM alpine\nEXPOSE 443/Tcp 53/UDP 8443/tcp\n',
      findings: [{ line: 3, message: "Defined protocol '443/Tcp' in EXPOSE instruction should be lowercase" }, { line: 3, message: "'53/UDP'" }],
      name: 'buildkit: one finding per upper-case protocol',
    },
    { code: 'FROM alpine\nEXPOSE "9000/SCTP"', findings: [{ line: 2, message: "'9000/SCTP'" }] },
  ],
  valid: [
    'FROM alpine\nEXPOSE 80 443/tcp 53/udp',
    // differs from buildkit: it expands $PORT first and may then warn; we leave words with variables alone.
    'FROM alpine\nEXPOSE $PORT/TCP',
    'FROM alpine\nEXPOSE 80/HTTP',
  ],
});
