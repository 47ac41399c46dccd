// DL3067 cases: hadolint's spec and a few of our own.
import { dl3067 } from './dl3067-copy-root-filesystem.js';
import { runRuleTests } from './testing.js';

runRuleTests(dl3067, {
  invalid: [
    { code: 'COPY --from=build / /', findings: [{ line: 1, message: '"build"' }], name: 'hadolint: warns when copying the root filesystem from another stage to root' },
    { code: 'COPY --from=build "/" "/"', findings: [{ line: 1 }], name: 'hadolint: warns when copying quoted root paths from another stage to root' },
    { code: 'FROM a AS build\nFROM scratch\nCOPY --from=build ["/", "/"]', findings: [{ line: 3 }], name: 'exec form' },
    { code: 'FROM scratch\nCOPY --from=busybox:latest /bin/busybox / /', findings: [{ line: 2 }], name: 'one of several sources is /' },
  ],
  valid: [
    { code: 'COPY / /', name: 'hadolint: does not warn when copying root without --from' },
    { code: 'COPY --from=build /app /', name: 'hadolint: does not warn when copying a directory from another stage' },
    { code: 'COPY --from=build / /app', name: 'hadolint: does not warn when copying root from another stage into a subdirectory' },
    { code: 'FROM a\nADD / /', name: 'ADD is not checked' },
  ],
});
