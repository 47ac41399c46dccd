// DL3048 cases. hadolint's onBuildRuleCatches wraps only RUNs in ONBUILD, so its LABEL variants are the plain cases.
import { dl3048 } from './dl3048-invalid-label-key.js';
import { runRuleTests } from './testing.js';

runRuleTests(dl3048, {
  invalid: [
    { code: 'LABEL com.docker.label="foo"', findings: [{ line: 1, message: 'com.docker.label' }], name: 'hadolint: not ok with reserved namespace (com.docker.)' },
    { code: 'LABEL io.docker.label="foo"', findings: [{ line: 1 }], name: 'hadolint: not ok with reserved namespace (io.docker.)' },
    { code: 'LABEL org.dockerproject.label="foo"', findings: [{ line: 1 }], name: 'hadolint: not ok with reserved namespace (org.dockerproject.)' },
    { code: 'LABEL invalid$character="foo"', findings: [{ line: 1 }], name: 'hadolint: not ok with invalid character' },
    { code: 'LABEL .invalid ="foo"', findings: [{ line: 1 }], name: 'hadolint: not ok with invalid start and end characters (.)' },
    { code: 'LABEL -invalid ="foo"', findings: [{ line: 1 }], name: 'hadolint: not ok with invalid start and end characters (-)' },
    { code: 'LABEL 1invalid ="foo"', findings: [{ line: 1 }], name: 'hadolint: not ok with invalid start and end characters (1)' },
    { code: 'LABEL .invalid="foo"', findings: [{ line: 1 }], name: 'hadolint: not ok with invalid start and end characters (onBuild variant, .)' },
    { code: 'LABEL -invalid="foo"', findings: [{ line: 1 }], name: 'hadolint: not ok with invalid start and end characters (onBuild variant, -)' },
    { code: 'LABEL 1invalid="foo"', findings: [{ line: 1 }], name: 'hadolint: not ok with invalid start and end characters (onBuild variant, 1)' },
    { code: 'LABEL invalid..character="foo"', findings: [{ line: 1 }], name: 'hadolint: not ok with consecutive dividers (..)' },
    { code: 'LABEL invalid--character="foo"', findings: [{ line: 1 }], name: 'hadolint: not ok with consecutive dividers (--)' },
    { code: 'FROM alpine\nLABEL Version=1', findings: [{ line: 2 }], name: 'upper case' },
    { code: 'FROM alpine\nLABEL ok=1 bad.=2\nLABEL also-ok=3', findings: [{ line: 2, message: '"bad."' }], name: 'one finding per LABEL, naming the bad key' },
  ],
  valid: [
    { code: 'LABEL org.valid-key.label3="foo"', name: 'hadolint: ok with valid labels (dotted)' },
    { code: 'LABEL validlabel="foo"', name: 'hadolint: ok with valid labels (plain)' },
    'FROM alpine\nLABEL org.opencontainers.image.source=https://example.com a_b/c=1',
    // Not checked inside ONBUILD, as in hadolint.
    'FROM alpine\nONBUILD LABEL com.docker.x=1',
  ],
});
