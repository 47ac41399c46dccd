// Agreement with BuildKit: for each Dockerfile scenario of BuildKit's check tests that exercises the rules below,
// a Dockerfile of our own with the same behaviour, linted with every rule, must give exactly the (rule, line)
// pairs BuildKit's test expects from these rules. Options (`# check=`) are in check-directive.test.ts.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { rules } from './index.js';
import { lintDockerfile } from './lint.js';
import { DEFAULT_RULE_CONTEXT } from './rule.js';
import { parseOrThrow } from './testing.js';

const CHECKED = new Set([
  'StageNameCasing', 'FromAsCasing', 'NoEmptyContinuation', 'ConsistentInstructionCasing', 'DuplicateStageName',
  'ReservedStageName', 'JSONArgsRecommended', 'MaintainerDeprecated', 'WorkdirRelativePath', 'MultipleInstructionsDisallowed',
  'LegacyKeyValueFormat', 'RedundantTargetPlatform', 'FromPlatformFlagConstDisallowed', 'ExposeProtoCasing',
  'ExposeInvalidFormat', 'InvalidDefinitionDescription',
]);

/** [scenario, Dockerfile, expected `Rule@line` pairs] */
const TABLE: readonly (readonly [string, string, readonly string[]])[] = [
  ['stage name: upper-case name and a lower-case as', '\n# note\n#\nFROM alpine AS BuildStep\n\n# note\n#\nFROM alpine as step2\n\nFROM alpine AS step3\n', ['StageNameCasing@4', 'FromAsCasing@8']],
  ['stage name: lower-case from with AS', '\n# note\n#\nfrom alpine AS one\n\nfrom alpine as two\n', ['FromAsCasing@4']],
  ['empty continuation', '\nFROM alpine\n# next one has a gap\nCOPY go.mod \\\n\n/src/\nCOPY go.sum \\\n/src/\n', ['NoEmptyContinuation@6']],
  ['casing: From among FROM', '\n#\n#\nFrom alpine as one\nFROM alpine AS two\n', ['ConsistentInstructionCasing@4']],
  ['casing: copy among COPY', '\nFROM alpine\n# lower\ncopy go.mod /a\nCOPY go.sum /b\n', ['ConsistentInstructionCasing@4']],
  ['casing: frOM among from', '\n#\n#\nfrOM alpine as one\nfrom alpine as two\n', ['ConsistentInstructionCasing@4']],
  ['casing: COPY among copy', '\nfrom alpine\n# upper\nCOPY go.mod /a\ncopy go.sum /b\n', ['ConsistentInstructionCasing@4']],
  ['casing: from among COPY', '\n#\n#\nfrom alpine\nCOPY a /a\nCOPY b /b\nCOPY c /c\n', ['ConsistentInstructionCasing@4']],
  ['casing: FROM among copy', '\n#\n#\nFROM alpine\ncopy a /a\ncopy b /b\ncopy c /c\n', ['ConsistentInstructionCasing@4']],
  ['casing: all lower', '\nfrom alpine\ncopy a /a\ncopy b /b\n', []],
  ['casing: all upper', '\nFROM alpine\nCOPY a /a\nCOPY b /b\n', []],
  ['casing: heredoc body', "\nFROM alpine\nRUN <<'EOT'\nenv\nEOT\n", []],
  ['duplicate stage name', '\nFROM alpine AS dup\nFROM debian AS dup\n', ['DuplicateStageName@3']],
  ['distinct stage names', '\nFROM alpine AS dup1\nFROM alpine AS dup2\n', []],
  ['reserved stage names', '\nFROM alpine AS scratch\nFROM alpine AS context\n', ['ReservedStageName@2', 'ReservedStageName@3']],
  ['scratch as a base', '\nFROM scratch\nFROM scratch AS base\n', []],
  ['shell-form CMD', '\nFROM alpine\nCMD ./server --port 80\n', ['JSONArgsRecommended@3']],
  ['shell-form ENTRYPOINT', '\nFROM alpine\nENTRYPOINT ./server\n', ['JSONArgsRecommended@3']],
  ['SHELL then CMD', '\nFROM alpine\nSHELL ["/bin/ash", "-c"]\nCMD ./server\n', []],
  ['SHELL then ENTRYPOINT', '\nFROM alpine\nSHELL ["/bin/ash", "-c"]\nENTRYPOINT ./server\n', []],
  ['SHELL in the parent stage, CMD', '\nFROM alpine AS base\nSHELL ["/bin/ash", "-c"]\n\nFROM base\nCMD ./server\n', []],
  ['SHELL in the parent stage, ENTRYPOINT', '\nFROM alpine AS base\nSHELL ["/bin/ash", "-c"]\n\nFROM base\nENTRYPOINT ./server\n', []],
  ['MAINTAINER', '\nFROM alpine\nMAINTAINER Jane Doe <jane@example.com>\n', ['MaintainerDeprecated@3']],
  ['authors label', '\nFROM alpine\nLABEL org.opencontainers.image.authors="jane@example.com"\n', []],
  // differs from buildkit: BuildKit's scenario ends with an unknown instruction and still prints these two
  // warnings; our parser rejects such a file as a whole, so the scenario is kept without that line.
  ['warnings before an error', '\nFROM alpine AS BadName\nMAINTAINER someone\n', ['StageNameCasing@2', 'MaintainerDeprecated@3']],
  ['relative WORKDIR', '\nFROM alpine\nWORKDIR srv/\n', ['WorkdirRelativePath@3']],
  ['absolute WORKDIR in the parent stage', '\nFROM alpine AS a\nWORKDIR /srv\n\nFROM a AS b\nWORKDIR sub/\n', []],
  ['CMD, ENTRYPOINT, HEALTHCHECK twice each', '\nFROM alpine\nENTRYPOINT ["/bin/a"]\nENTRYPOINT ["/bin/b"]\nCMD ["a"]\nCMD ["b"]\nHEALTHCHECK CMD ["/bin/a"]\nHEALTHCHECK CMD ["/bin/b"]\n',
    ['MultipleInstructionsDisallowed@3', 'MultipleInstructionsDisallowed@5', 'MultipleInstructionsDisallowed@7']],
  ['twice each with a heredoc COPY between', '\nFROM alpine\nENTRYPOINT ["/bin/a"]\nCMD ["a"]\nHEALTHCHECK CMD ["/bin/a"]\nCOPY <<EOF /hello.txt\nhi\nEOF\nENTRYPOINT ["/bin/b"]\nCMD ["b"]\nHEALTHCHECK CMD ["/bin/b"]\n',
    ['MultipleInstructionsDisallowed@3', 'MultipleInstructionsDisallowed@4', 'MultipleInstructionsDisallowed@5']],
  ['child stage overrides its parent', '\nFROM alpine AS a\nENTRYPOINT ["/bin/a"]\nCMD ["a"]\nHEALTHCHECK CMD ["/bin/a"]\n\nFROM a AS b\nENTRYPOINT ["/bin/b"]\nCMD ["b"]\nHEALTHCHECK CMD ["/bin/b"]\n', []],
  ['legacy ENV and LABEL', '\nFROM alpine\nENV APP_HOME /srv/app\nLABEL maintainer someone\n', ['LegacyKeyValueFormat@3', 'LegacyKeyValueFormat@4']],
  ['key=value ENV and LABEL', '\nFROM alpine\nENV APP_HOME=/srv/app\nLABEL maintainer=someone\n', []],
  ['legacy format in a stage no target needs', '\nFROM alpine AS a\n\nFROM a AS b\nENV APP_HOME /srv/app\nLABEL maintainer someone\n\nFROM a AS c\n', ['LegacyKeyValueFormat@5', 'LegacyKeyValueFormat@6']],
  ['$TARGETPLATFORM', '\nFROM --platform=$TARGETPLATFORM alpine\n', ['RedundantTargetPlatform@2']],
  ['${TARGETPLATFORM}', '\nFROM --platform=${TARGETPLATFORM} alpine\n', ['RedundantTargetPlatform@2']],
  ['constant platform', '\nFROM --platform=linux/arm64 alpine\n', ['FromPlatformFlagConstDisallowed@2']],
  ['constant platform, arch in the name', '\nFROM --platform=linux/arm64 alpine AS build_arm64\n', []],
  ['constant platform, OS in the name', '\nFROM --platform=linux/arm64 alpine AS linux\n', []],
  ['EXPOSE protocol casing', '\nFROM alpine\nEXPOSE 443/Tcp 53/UDP 8443/tcp\n', ['ExposeProtoCasing@3', 'ExposeProtoCasing@3']],
  ['EXPOSE with IP and host port', '\nFROM alpine\nEXPOSE 0.0.0.0:443:443 [::]:9090:9090 3000:3000 4000\n', ['ExposeInvalidFormat@3', 'ExposeInvalidFormat@3', 'ExposeInvalidFormat@3']],
  ['definition descriptions that fit', '# check=skip=all;experimental=InvalidDefinitionDescription\n# version the version\nARG version=1\n\n# builder compiles\nFROM alpine AS builder\n\n# channel the channel\nARG channel=stable\n\n# b one of three\nARG a=1 b=2 c=3\n#\nARG d=4\n\n# about something else\nCOPY . .\n', []],
  ['definition descriptions that do not fit', '# check=experimental=InvalidDefinitionDescription\n# mode the mode\nARG version=1\n# Builder compiles\nFROM alpine AS builder\n# not a description\nARG channel=stable\n# not a description\nARG a=1 b=2\n',
    ['InvalidDefinitionDescription@3', 'InvalidDefinitionDescription@5', 'InvalidDefinitionDescription@7', 'InvalidDefinitionDescription@9']],
];

describe('buildkit agreement (every rule enabled, BuildKit-named findings compared)', () => {
  for (const [name, code, expected] of TABLE) {
    test(`buildkit: ${name}`, () => {
      const found = lintDockerfile(parseOrThrow(code), { rules, context: DEFAULT_RULE_CONTEXT });
      const seen = found.flatMap((f) => [f.rule, ...(f.aliases ?? [])].filter((n) => CHECKED.has(n)).map((n) => `${n}@${f.location.line ?? 0}`));
      assert.deepEqual(seen.sort(), [...expected].sort());
    });
  }
});
