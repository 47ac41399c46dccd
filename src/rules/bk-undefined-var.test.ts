// UndefinedVar against BuildKit's check tests (restated) and whittle's own cases, base-image environments included.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assumedFromBaseImages, undefinedVar } from './bk-undefined-var.js';
import { DEFAULT_RULE_CONTEXT } from './rule.js';
import { parseOrThrow, runRuleTests } from './testing.js';

// What BuildKit reads from the image configs these tests name (alpine sets only PATH).
const alpine = { baseImageEnv: { alpine: ['PATH'] } };
const python = { baseImageEnv: { 'python:3.12': ['PATH', 'LANG', 'PYTHON_VERSION'] } };

runRuleTests(undefinedVar, {
  invalid: [
    // BuildKit testAllTargetUnmarshal: --check looks at every stage, not only the target's.
    { name: 'buildkit: every stage is checked', code: '\nFROM scratch AS one\nCOPY $src .\n\nFROM scratch AS two\nCOPY $dst .\n',
      findings: [{ line: 3, message: "Usage of undefined variable '$src'" }, { line: 6, message: "Usage of undefined variable '$dst'" }] },
    // BuildKit testUnmatchedVars: a use before the ARG that declares it.
    { name: 'buildkit: used before its ARG', code: '\nFROM alpine\nCOPY $pkg /opt/\nARG pkg=tool\nRUN echo $pkg\n', context: alpine,
      findings: [{ line: 3, message: "Usage of undefined variable '$pkg'" }] },
    { name: 'buildkit: did you mean another ARG', code: '\nFROM alpine\nARG OUT_BIN=bin/\nARG OUT_LIB=lib/\nARG OUT_DOC=doc/\nCOPY $OUT_LI .\n', context: alpine,
      findings: [{ line: 6, message: "Usage of undefined variable '$OUT_LI' (did you mean $OUT_LIB?)" }] },
    { name: 'buildkit: did you mean PATH', code: '\nFROM alpine\nENV PATH=$PTAH:/opt/bin\n', context: alpine,
      findings: [{ line: 3, message: "Usage of undefined variable '$PTAH' (did you mean $PATH?)" }] },
    // whittle's own cases.
    { name: 'a base image env that lacks the name', code: 'FROM python:3.12\nARG V=$PYTHON_VERSON', context: python,
      findings: [{ line: 2, message: '(did you mean $PYTHON_VERSION?)' }] },
    { name: 'global ARG not redeclared in the stage', code: 'ARG V=1\nFROM scratch\nCOPY app-$V /\n', findings: [{ line: 3 }] },
    { name: 'predefined platform ARGs need ARG inside a stage', code: 'FROM scratch\nCOPY bin/$TARGETARCH /app\n', findings: [{ line: 2 }] },
    { name: 'ENV sees the env before the instruction', code: 'FROM scratch\nENV A=1 B=$A\n', findings: [{ line: 2, message: "'$A'" }] },
    { name: 'legacy ENV form', code: 'FROM scratch\nENV A $missing value\n', findings: [{ line: 2, message: "'$missing'" }] },
    { name: 'RUN mount options are expanded', code: 'FROM scratch\nRUN --mount=type=cache,target=$CACHE true\n', findings: [{ line: 2 }] },
    { name: 'unquoted heredoc bodies of COPY are expanded', code: 'FROM scratch\nCOPY <<EOF /etc/motd\nhello $WHO\nEOF\n', findings: [{ line: 2, message: "'$WHO'" }] },
    { name: 'a default does not make it defined', code: 'FROM scratch\nWORKDIR /srv/${APP:-web}\n', findings: [{ line: 2, message: "'$APP'" }] },
    { name: '--build-arg does not declare', code: 'FROM scratch\nCOPY $X /\n', context: { buildArgs: { X: 'a' } }, findings: [{ line: 2 }] },
    { name: 'ARG default using itself', code: 'FROM scratch\nARG PREFIX=$PREFIX/opt\n', findings: [{ line: 2 }] },
    { name: 'USER, VOLUME, STOPSIGNAL, LABEL and chown', code: 'FROM scratch\nUSER $U\nVOLUME $V\nSTOPSIGNAL $S\nLABEL a=$L\nCOPY --chown=$O a /\n',
      findings: [{ line: 2 }, { line: 3 }, { line: 4 }, { line: 5 }, { line: 6 }] },
    { name: 'one report per variable and instruction', code: 'FROM scratch\nCOPY $D/a $D/b /x/\n', findings: [{ line: 2 }] },
  ],
  valid: [
    { name: 'buildkit: ARG without a value declares', code: '\nFROM scratch\nARG ver\nCOPY tool${ver} /bin/\n' },
    { name: 'buildkit: a child stage inherits ARG values', code: '\nFROM alpine AS build\nARG cfg=app.conf\n\nFROM build\nCOPY $cfg /etc/\n', context: alpine },
    { name: 'buildkit: shell-form RUN is the shell\'s business', code: '\nFROM alpine\nRUN echo $HOME\n', context: alpine },
    { name: 'buildkit: global ARG used in FROM only', code: '\nARG base=scratch\nFROM $base\nCOPY Dockerfile .\n' },
    { name: 'buildkit: legacy ENV and LABEL', code: '\nFROM scratch\nENV testkey value\nLABEL key value\n' },
    { name: 'buildkit: predefined platform in FROM', code: '\nFROM --platform=$BUILDPLATFORM scratch\nCOPY Dockerfile .\n' },
    { name: 'the base image defines it', code: 'FROM python:3.12\nARG V=$PYTHON_VERSION\n', context: python },
    { name: 'redeclared predefined ARG', code: 'FROM scratch\nARG TARGETARCH\nCOPY bin/$TARGETARCH /app\n' },
    { name: 'ENV then use', code: 'FROM scratch\nENV A=1\nENV B=$A\n' },
    { name: 'single quotes and escapes are literal', code: "FROM scratch\nENV A='$x' B=\\$y\n" },
    { name: 'quoted heredoc delimiter', code: "FROM scratch\nCOPY <<'EOF' /etc/motd\nhello $WHO\nEOF\n" },
    { name: 'CMD, ENTRYPOINT, EXPOSE and HEALTHCHECK are not checked', code: 'FROM scratch\nCMD echo $X\nENTRYPOINT $Y\nEXPOSE $PORT\nHEALTHCHECK CMD $Z\n' },
    { name: 'ONBUILD triggers are not expanded here', code: 'FROM scratch\nONBUILD COPY $X /\n' },
    { name: 'SBOM arguments never reach the env', code: 'FROM scratch\nCOPY $BUILDKIT_SBOM_SCAN_STAGE /\n' },
    { name: 'unknown base image: assumed, not guessed', code: 'FROM python:3.12\nARG V=$PYTHON_VERSION\n' },
    { name: 'the escape directive', code: '# escape=`\nFROM scratch\nENV A=`$x\n' },
  ],
});

test('UndefinedVar: variables assumed from an unread base image are listed for the note', () => {
  const df = parseOrThrow('FROM python:3.12 AS app\nARG V=$PYTHON_VERSION\nFROM app\nCOPY $APP_HOME /x\nFROM scratch\nCOPY $NOPE /\n');
  assert.deepEqual(assumedFromBaseImages(df, DEFAULT_RULE_CONTEXT), [
    { name: 'PYTHON_VERSION', line: 2, image: 'python:3.12' },
    { name: 'APP_HOME', line: 4, image: 'python:3.12' },
  ]);
  assert.deepEqual(undefinedVar.check(df, DEFAULT_RULE_CONTEXT).map((f) => f.location.line), [6]);
  assert.deepEqual(assumedFromBaseImages(df, { ...DEFAULT_RULE_CONTEXT, ...python }), []);
});
