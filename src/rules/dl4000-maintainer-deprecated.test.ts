// DL4000 cases: hadolint's spec, and the fix that turns MAINTAINER into the OCI authors label.
import { dl4000 } from './dl4000-maintainer-deprecated.js';
import { runRuleTests } from './testing.js';

runRuleTests(dl4000, {
  invalid: [
    { code: 'FROM busybox\nMAINTAINER hudu@mail.com', findings: [{ line: 2, message: 'deprecated' }],
      output: 'FROM busybox\nLABEL org.opencontainers.image.authors="hudu@mail.com"', name: 'hadolint: has deprecated maintainer' },
    { code: 'FROM debian\nMAINTAINER Lukas', findings: [{ line: 2 }], output: 'FROM debian\nLABEL org.opencontainers.image.authors="Lukas"',
      name: 'hadolint: has maintainer' },
    // Before FROM a LABEL is an error too, so no fix is offered there.
    { code: 'MAINTAINER Lukas\nFROM DEBIAN', findings: [{ line: 1 }], output: null, name: 'hadolint: has maintainer first' },
    { code: 'FROM debian\nMAINTAINER Jane "JD" Doe <jane@example.com> $HOME\nRUN true', findings: [{ line: 2 }],
      output: 'FROM debian\nLABEL org.opencontainers.image.authors="Jane \\"JD\\" Doe <jane@example.com> \\$HOME"\nRUN true',
      name: 'quotes and $ are escaped' },
    { code: '# escape=`\nFROM windows\nMAINTAINER a\\b "c"', findings: [{ line: 3 }],
      output: '# escape=`\nFROM windows\nLABEL org.opencontainers.image.authors="a\\b `"c`""', name: 'backtick escape directive' },
  ],
  valid: [
    { code: 'FROM debian', name: 'hadolint: has no maintainer' },
    'FROM debian\nLABEL maintainer="x@example.com"',
  ],
});
