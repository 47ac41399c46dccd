// ExposeInvalidFormat cases, with BuildKit's own check-test scenario rewritten as a `buildkit:` case.
import { exposeInvalidFormat } from './bk-expose-invalid-format.js';
import { runRuleTests } from './testing.js';

runRuleTests(exposeInvalidFormat, {
  invalid: [
    {
      code: '\nFROM alpine\nEXPOSE 0.0.0.0:443:443 [::]:9090:9090 3000:3000 4000\n',
      findings: [
        { line: 3, message: "EXPOSE instruction should not define an IP address or host-port mapping, found '0.0.0.0:443:443'" },
        { line: 3, message: "'[::]:9090:9090'" },
        { line: 3, message: "'3000:3000'" },
      ],
      name: 'buildkit: IPv4, IPv6 and host port mappings',
    },
    { code: 'FROM alpine\nEXPOSE 8080:80/udp', findings: [{ line: 2 }] },
  ],
  valid: [
    'FROM alpine\nEXPOSE 80 443/tcp 8000-8010',
    'FROM alpine\nEXPOSE ${HOST}:80',
  ],
});
