// Every fixable rule over a corpus: fixing parses, reaches a fixed point, changes nothing the second time,
// and leaves no finding of that rule that still offers a fix; all fixes together keep the same promises.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { generateCorpus } from '../../bench/corpus.js';
import { parseDockerfile } from '../dockerfile/parse.js';
import { fixDockerfile } from './fix.js';
import { rules } from './index.js';
import type { Rule } from './rule.js';
import { DEFAULT_RULE_CONTEXT } from './rule.js';

function examples(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  const root = new URL('../../examples/', import.meta.url);
  for (const dir of readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const f of readdirSync(new URL(`${dir.name}/`, root)).filter((n) => /^(Dockerfile|Containerfile)/.test(n))) {
      out.push({ name: `examples/${dir.name}/${f}`, text: readFileSync(new URL(`${dir.name}/${f}`, root), 'utf8') });
    }
  }
  return out;
}

// Hand-written shapes the generator does not make: continuations, comments, CRLF, another escape character.
const SHAPES = [
  'FROM debian:12\n# update first\nRUN apt-get update\n# then install\nRUN apt-get install curl \\\n    git\nRUN echo done\n',
  'FROM debian:12\r\nRUN apt-get update && apt-get install -y curl\r\nRUN pip install flask\r\n',
  '# escape=`\nFROM centos:7\nRUN yum install httpd\nRUN dnf install nginx\nRUN zypper install curl\n',
  'FROM node:20\nCOPY . .\nRUN npm install\nRUN npm ci\nADD app.tar.gz /app/\nADD src /src\n',
  'FROM alpine:3.20\nRUN apk add curl\nRUN apk add git\nONBUILD RUN apk add make\n',
  'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN yarn install\nENTRYPOINT node index.js\n',
  'FROM node:20-slim\nRUN npm ci\nCOPY . .\nRUN npm cache clean --force\nFROM debian:12\nRUN apt-get update && apt-get install -y curl\nRUN echo hi\nRUN rm -rf /var/lib/apt/lists/*\nCMD run server\n',
];

// A context holding the usual manifests, so that fixes which copy them (WH200) have something to work with.
const CONTEXT = { ...DEFAULT_RULE_CONTEXT, contextFiles: ['package.json', 'package-lock.json', 'requirements.txt', 'go.mod', 'go.sum', 'Gemfile'] };

const corpus = [...generateCorpus(80, 7), ...examples(), ...SHAPES.map((text, i) => ({ name: `shape ${i + 1}`, text }))];
const fixable = rules.filter((r) => r.fixable);

const offered = (rule: Rule, text: string): number => {
  const parsed = parseDockerfile(text);
  assert.ok(parsed.ok, `does not parse:\n${text}`);
  return rule.check(parsed.value, CONTEXT).filter((f) => (f.fix ?? []).length > 0).length;
};

test('the corpus has something for every fix to do', () => {
  assert.ok(fixable.length >= 15, `${fixable.length} fixable rules`);
  const idle = fixable.filter((r) => corpus.every(({ text }) => offered(r, text) === 0)).map((r) => r.id);
  // Rules whose findings need shapes outside this corpus (BuildKit casing and the like) are named here on purpose.
  assert.deepEqual(idle.filter((id) => !id.startsWith('BK') && !['DL3046', 'DL3065', 'DL4000', 'WH102'].includes(id)), []);
});

for (const rule of fixable) {
  test(`${rule.id}: fixes parse, settle, are idempotent and leave nothing to fix`, () => {
    for (const { name, text } of corpus) {
      if (offered(rule, text) === 0) continue;
      const fixed = fixDockerfile(text, [rule], CONTEXT);
      assert.ok(fixed.stable, `${name}: no fixed point`);
      assert.notEqual(fixed.text, text, `${name}: a fix was offered but nothing changed`);
      assert.equal(offered(rule, fixed.text), 0, `${name}: still offers a fix after fixing:\n${fixed.text}`);
      assert.equal(fixDockerfile(fixed.text, [rule], CONTEXT).text, fixed.text, `${name}: fixing again changed it`);
    }
  });
}

test('all fixes together: parse, settle, idempotent, and no rule reports more than before', () => {
  for (const { name, text } of corpus) {
    const fixed = fixDockerfile(text, fixable, CONTEXT);
    assert.ok(fixed.stable, `${name}: no fixed point`);
    assert.equal(fixDockerfile(fixed.text, fixable, CONTEXT).text, fixed.text, `${name}: fixing again changed it`);
    for (const rule of fixable) assert.equal(offered(rule, fixed.text), 0, `${name}: ${rule.id} still offers a fix`);
    const before = parseDockerfile(text);
    const after = parseDockerfile(fixed.text);
    assert.ok(before.ok && after.ok);
    // WH200's fix adds a COPY (the manifests): a rule that speaks once per COPY (WH203's --link, DL3045's relative
    // destination) may say it once more there, and nowhere else.
    const copyLines = (df: typeof before.value): Set<number> => new Set(df.instructions.filter((i) => i.keyword === 'COPY').map((i) => i.span.line));
    const added = copyLines(after.value).size - copyLines(before.value).size;
    for (const rule of rules) {
      const split = (df: typeof before.value): [number, number] => {
        const lines = copyLines(df);
        const found = rule.check(df, CONTEXT);
        const atCopy = found.filter((f) => lines.has(f.location.line ?? 0)).length;
        return [found.length - atCopy, atCopy];
      };
      const [was, wasCopy] = split(before.value);
      const [now, nowCopy] = split(after.value);
      assert.ok(now <= was && nowCopy <= wasCopy + added, `${name}: ${rule.id} reports ${now}+${nowCopy} findings after fixing, ${was}+${wasCopy} before:\n${fixed.text}`);
    }
  }
});
