// DL3064 cases: hadolint's spec (its onBuild variants wrap only the RUN, so they repeat the plain cases) and our own.
import { dl3064 } from './dl3064-sensitive-arg-env.js';
import { runRuleTests } from './testing.js';

runRuleTests(dl3064, {
  invalid: [
    { code: 'ARG AWS_ACCESS_KEY_ID\nFROM debian:bullseye\nRUN foobar\n', findings: [{ line: 1, message: 'AWS_ACCESS_KEY_ID' }],
      name: 'hadolint: not ok: ARG with sensitive data' },
    { code: 'ARG openai_api_key\nFROM debian:bullseye\nRUN foobar\n', findings: [{ line: 1 }], name: 'hadolint: not ok: ARG with sensitive data, different casing' },
    { code: 'FROM debian:bullseye\nENV AWS_ACCESS_KEY_ID=abcdefghijklmnopqrstuvwxyz\nRUN foobar\n', findings: [{ line: 2 }],
      name: 'hadolint: not ok: ENV with sensitive data' },
    { code: 'FROM debian:bullseye\nENV my_password=abcdefghijklmnopqrstuvwxyz\nRUN foobar\n', findings: [{ line: 2 }],
      name: 'hadolint: not ok: ENV with sensitive data, different casing' },
    { code: 'FROM debian\nONBUILD ENV GITHUB_TOKEN=x', findings: [{ line: 2 }], name: 'ONBUILD ENV' },
    { code: 'FROM debian\nENV A=1 DB_PASSWORD=x B=2', findings: [{ line: 2, message: 'DB_PASSWORD' }], name: 'one of several pairs' },
    { code: 'FROM debian\nENV TRAVIS_SUDO true', findings: [{ line: 2 }], name: 'legacy ENV form, a listed name' },
  ],
  valid: [
    { code: 'FROM debian:bullseye\nRUN foobar\n', name: 'hadolint: ok: no ARG, no ENV' },
    { code: 'ARG foobar\nFROM debian:bullseye\nRUN foobar\n', name: 'hadolint: ok: ARG no sensitive data, no ENV' },
    { code: 'FROM debian:bullseye\nENV foobar=barfoo\nRUN foobar\n', name: 'hadolint: ok: no ARG, ENV no sensitive data' },
    { code: 'FROM debian\nENV PATH=/usr/bin LANG=C.UTF-8', name: 'ordinary variables' },
  ],
});
