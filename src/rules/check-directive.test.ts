// BuildKit's check options through the linter: `# check=` directive and comments, the build argument, skip
// (by either name of a merged finding), error=true, experimental rules, and the twins merged with hadolint's.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CHECK_BUILD_ARG, parseCheckOptions, readCheckPlan } from './check-directive.js';
import { rules } from './index.js';
import { lintDockerfile } from './lint.js';
import type { Finding } from './rule.js';
import { DEFAULT_RULE_CONTEXT } from './rule.js';
import { parseOrThrow } from './testing.js';

// The BuildKit rules this file's tables speak about (others may fire on the same Dockerfiles).
const MINE = new Set([
  'StageNameCasing', 'FromAsCasing', 'NoEmptyContinuation', 'ConsistentInstructionCasing', 'DuplicateStageName',
  'ReservedStageName', 'JSONArgsRecommended', 'MaintainerDeprecated', 'WorkdirRelativePath', 'MultipleInstructionsDisallowed',
  'LegacyKeyValueFormat', 'RedundantTargetPlatform', 'FromPlatformFlagConstDisallowed', 'ExposeProtoCasing',
  'ExposeInvalidFormat', 'InvalidDefinitionDescription',
]);

function lint(code: string, buildArgs: Record<string, string> = {}): Finding[] {
  return lintDockerfile(parseOrThrow(code), { rules, context: { ...DEFAULT_RULE_CONTEXT, buildArgs } });
}

/** `Name@line` for every finding that carries one of our BuildKit names, as BuildKit would print it. */
function buildkitView(findings: readonly Finding[]): string[] {
  return findings.flatMap((f) => [f.rule, ...(f.aliases ?? [])].filter((n) => MINE.has(n)).map((n) => `${n}@${f.location.line ?? 0}`));
}

interface AgreementCase {
  readonly name: string;
  readonly code: string;
  readonly buildArgs?: Record<string, string>;
  readonly expect: readonly string[];
  /** Whether BuildKit fails the build (`error=true` with a finding): then every BuildKit finding is an error. */
  readonly fails?: boolean;
}

const agreement: readonly AgreementCase[] = [
  { name: 'buildkit: skip=all', code: '#check=skip=all\nFROM alpine as build\nrun true\n', expect: [] },
  { name: 'buildkit: skip=all;error=true', code: '#check=skip=all;error=true\nFROM alpine as build\nrun true\n', expect: [] },
  { name: 'buildkit: skip two rules by name', code: '#check=skip=ConsistentInstructionCasing,FromAsCasing\nFROM alpine as build\nrun true\n', expect: [] },
  { name: 'buildkit: skip two rules by name;error=true', code: '#check=skip=ConsistentInstructionCasing,FromAsCasing;error=true\nFROM alpine as build\nrun true\n', expect: [] },
  { name: 'buildkit: skip one rule, the other fires', code: '#check=skip=ConsistentInstructionCasing\nFROM alpine as build\nrun true\n', expect: ['FromAsCasing@2'] },
  { name: 'buildkit: skip one rule;error=true fails', code: '#check=skip=ConsistentInstructionCasing;error=true\nFROM alpine as build\nrun true\n', expect: ['FromAsCasing@2'], fails: true },
  {
    name: 'buildkit: the build argument replaces the directive',
    code: '#check=skip=all\nFROM alpine as build\nrun true\n',
    buildArgs: { [CHECK_BUILD_ARG]: 'skip=ConsistentInstructionCasing;error=true' },
    expect: ['FromAsCasing@2'],
    fails: true,
  },
  { name: 'buildkit: build argument skip=all over error=true', code: '#check=error=true\nFROM alpine as build\nrun true\n', buildArgs: { [CHECK_BUILD_ARG]: 'skip=all' }, expect: [] },
  { name: 'buildkit: no options', code: '\nFROM alpine as build\nrun true\n', expect: ['ConsistentInstructionCasing@3', 'FromAsCasing@2'] },
  { name: 'buildkit: a check comment skips JSONArgsRecommended on a CMD', code: '\nFROM alpine\n# check=skip=JSONArgsRecommended\nCMD ./server\n', expect: [] },
  { name: 'buildkit: a check comment skips JSONArgsRecommended on an ENTRYPOINT', code: '\nFROM alpine\n# check=skip=JSONArgsRecommended\nENTRYPOINT ./server\n', expect: [] },
  { name: 'buildkit: a check comment skips MaintainerDeprecated', code: '\nFROM alpine\n# check=skip=MaintainerDeprecated\nMAINTAINER someone\n', expect: [] },
  { name: 'buildkit: a check comment skips WorkdirRelativePath', code: '\nFROM alpine\n# check=skip=WorkdirRelativePath\nWORKDIR srv/\n', expect: [] },
  {
    name: 'buildkit: check comments skip LegacyKeyValueFormat one instruction at a time',
    code: '\nFROM alpine\n# check=skip=LegacyKeyValueFormat\nENV A b\n# check=skip=LegacyKeyValueFormat\nLABEL c d\nENV E f\n',
    expect: ['LegacyKeyValueFormat@7'],
  },
  { name: 'buildkit: a check comment skips RedundantTargetPlatform', code: '\n# check=skip=RedundantTargetPlatform\nFROM --platform=$TARGETPLATFORM alpine\n', expect: [] },
  {
    name: 'buildkit: warnings before an instruction BuildKit rejects',
    code: '\nFROM alpine AS BadName\nMAINTAINER someone\n',
    expect: ['StageNameCasing@2', 'MaintainerDeprecated@3'],
  },
  {
    name: 'buildkit: experimental rule off by default',
    code: '# not a description\nARG version=1\n',
    expect: [],
  },
  {
    name: 'buildkit: experimental rule on; skip=all does not reach it',
    code: '# check=skip=all;experimental=InvalidDefinitionDescription\n# not a description\nARG version=1\nFROM alpine as build\n',
    expect: ['InvalidDefinitionDescription@3'],
  },
  {
    name: 'experimental=all turns it on; a check comment can turn it on for one instruction',
    code: '# check=experimental=all\n# wrong\nARG a=1\nFROM alpine\n# check=experimental=InvalidDefinitionDescription\nARG b=2\n',
    expect: ['InvalidDefinitionDescription@3', 'InvalidDefinitionDescription@6'],
  },
  {
    name: 'a check comment turns an experimental rule on for its instruction only',
    code: 'FROM alpine\n# check=experimental=InvalidDefinitionDescription\nARG b=2\n# wrong\nARG c=3\n',
    expect: ['InvalidDefinitionDescription@3'],
  },
  {
    name: 'a check comment does not reach file-wide checks (as in BuildKit)',
    code: 'FROM alpine AS a\n# check=skip=DuplicateStageName\nFROM alpine AS a\n',
    expect: ['DuplicateStageName@3'],
  },
  { name: 'the directive value ends at the first blank, as in BuildKit', code: '# check=skip=FromAsCasing, ConsistentInstructionCasing\nFROM alpine as build\nrun true\n', expect: ['ConsistentInstructionCasing@3'] },
];

describe('agreement with BuildKit on check options', () => {
  for (const c of agreement) {
    test(c.name, () => {
      const found = lint(c.code, c.buildArgs);
      assert.deepEqual(buildkitView(found).sort(), [...c.expect].sort());
      const ours = found.filter((f) => [f.rule, ...(f.aliases ?? [])].some((n) => MINE.has(n)));
      for (const f of ours) assert.equal(f.severity === 'error', c.fails === true || f.rule.startsWith('DL') && f.severity === 'error', `${f.rule} severity ${f.severity}`);
    });
  }
});

describe('twins: one finding, the other id in aliases', () => {
  const twins: readonly (readonly [string, string, string, number])[] = [
    ['DuplicateStageName', 'DL3024', 'FROM alpine AS a\nFROM alpine AS a', 2],
    ['ReservedStageName', 'DL3063', 'FROM alpine AS scratch', 1],
    ['JSONArgsRecommended', 'DL3025', 'FROM alpine\nCMD ./server', 2],
    ['MaintainerDeprecated', 'DL4000', 'FROM alpine\nMAINTAINER someone', 2],
    ['WorkdirRelativePath', 'DL3000', 'FROM alpine\nWORKDIR app', 2],
    ['RedundantTargetPlatform', 'DL3065', 'FROM --platform=$TARGETPLATFORM alpine', 1],
    ['FromPlatformFlagConstDisallowed', 'DL3029', 'FROM --platform=linux/amd64 alpine', 1],
  ];
  for (const [bk, dl, code, line] of twins) {
    test(`${bk} and ${dl}`, () => {
      const at = lint(code).filter((f) => f.rule === bk || f.rule === dl || (f.aliases ?? []).includes(bk));
      assert.equal(at.length, 1, JSON.stringify(at));
      const [f] = at;
      assert.equal(f?.location.line, line);
      assert.deepEqual([f?.rule, ...(f?.aliases ?? [])].sort(), [bk, dl].sort());
    });
    test(`${bk}/${dl}: skip= and --ignore take either name`, () => {
      for (const name of [bk, dl]) {
        const skipped = lint(`# check=skip=${name}\n${code}`);
        assert.ok(!skipped.some((f) => [f.rule, ...(f.aliases ?? [])].includes(bk)), `skip=${name}`);
      }
    });
  }

  test('each keeps its own semantics: a later relative WORKDIR is DL3000 alone', () => {
    const found = lint('FROM alpine\nWORKDIR /srv\nWORKDIR app');
    assert.deepEqual(found.filter((f) => f.rule === 'DL3000').map((f) => [f.location.line, f.aliases ?? []]), [[3, []]]);
    assert.ok(!found.some((f) => f.rule === 'WorkdirRelativePath' || (f.aliases ?? []).includes('WorkdirRelativePath')));
  });

  test('skip=all turns BuildKit checks off but leaves the hadolint twin, without the alias', () => {
    const found = lint('# check=skip=all\nFROM alpine\nCMD ./server');
    const dl = found.filter((f) => f.rule === 'DL3025');
    assert.equal(dl.length, 1);
    assert.equal(dl[0]?.aliases, undefined);
  });

  test('error=true raises a merged finding to error, and leaves hadolint-only findings alone', () => {
    const found = lint('# check=error=true\nFROM alpine\nCMD ./server\nRUN apt-get install -y curl');
    assert.equal(found.find((f) => f.rule === 'DL3025')?.severity, 'error');
    const dl3008 = found.find((f) => f.rule === 'DL3008');
    assert.ok(dl3008 !== undefined && dl3008.severity !== 'error');
  });

  test('error=true raises a BuildKit-only finding from warning to error', () => {
    const plain = lint('FROM alpine\nENV A b');
    const failing = lint('# check=error=true\nFROM alpine\nENV A b');
    assert.equal(plain.find((f) => f.rule === 'LegacyKeyValueFormat')?.severity, 'warning');
    assert.equal(failing.find((f) => f.rule === 'LegacyKeyValueFormat')?.severity, 'error');
  });

  test('--ignore of a BuildKit name drops it, as `ignored` does for hadolint ids', () => {
    const found = lintDockerfile(parseOrThrow('FROM alpine\nENV A b'), { rules, context: DEFAULT_RULE_CONTEXT, ignored: ['LegacyKeyValueFormat'] });
    assert.ok(!found.some((f) => f.rule === 'LegacyKeyValueFormat'));
  });
});

describe('parseCheckOptions', () => {
  test('reads skip, experimental and error as BuildKit does', () => {
    const { options, problems } = parseCheckOptions(' skip = A, B ;error=1;experimental=all');
    assert.deepEqual(problems, []);
    assert.equal(options.skipAll, false);
    assert.deepEqual(options.skip, ['A', 'B']);
    assert.equal(options.experimentalAll, true);
    assert.deepEqual(options.experimental, []);
    assert.equal(options.error, true);
    assert.deepEqual(Object.keys(options).sort(), ['error', 'experimental', 'experimentalAll', 'skip', 'skipAll']);
    assert.equal(parseCheckOptions('error=False').options.error, false);
    assert.equal(parseCheckOptions('skip=all').options.skipAll, true);
    assert.deepEqual(parseCheckOptions('').options.skip, []);
  });

  test('keeps the good parts of a malformed value and names each bad one', () => {
    const { options, problems } = parseCheckOptions('skip=A;verbose=yes;error=maybe');
    assert.deepEqual(options.skip, ['A']);
    assert.equal(options.error, false);
    assert.equal(problems.length, 2);
    assert.match(problems[0] ?? '', /invalid check option "verbose"/);
    assert.match(problems[1] ?? '', /error=maybe/);
    assert.match(parseCheckOptions('skipall').problems[0] ?? '', /"skipall": expected key=value/);
  });
});

describe('readCheckPlan problems (one warning each, linting goes on)', () => {
  const plan = (code: string, buildArgs: Record<string, string> = {}): ReturnType<typeof readCheckPlan> =>
    readCheckPlan(parseOrThrow(code), buildArgs, rules);

  test('an unknown key in the directive, with its line', () => {
    const p = plan('# syntax=docker/dockerfile:1\n# check=bogus=1\nFROM alpine as build');
    assert.deepEqual(p.problems.map((x) => x.line), [2]);
    assert.match(p.problems[0]?.message ?? '', /bogus/);
    assert.ok(lint('# check=bogus=1\nFROM alpine as build').some((f) => f.rule === 'FromAsCasing'), 'linting goes on');
  });

  test('an unknown rule name, with a suggestion when only the case is wrong', () => {
    const p = plan('# check=skip=jsonargsrecommended,NoSuchRule\nFROM alpine');
    assert.deepEqual(p.problems.map((x) => x.message), [
      'unknown rule "jsonargsrecommended" in check options (did you mean JSONArgsRecommended?)',
      'unknown rule "NoSuchRule" in check options',
    ]);
  });

  test('hadolint ids are known names', () => {
    assert.deepEqual(plan('# check=skip=DL3025,JSONArgsRecommended\nFROM alpine').problems, []);
  });

  test('the build argument has no line; a check comment has its own', () => {
    assert.deepEqual(plan('FROM alpine', { [CHECK_BUILD_ARG]: 'skip=Nope' }).problems.map((x) => x.line), [null]);
    const p = plan('FROM alpine\n# check=skip=A;oops\nRUN true');
    assert.deepEqual(p.problems.map((x) => x.line), [2, 2]);
    assert.match(p.problems[0]?.message ?? '', /this comment is ignored/);
  });
});
