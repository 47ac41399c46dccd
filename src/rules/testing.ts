// Table tests for rules: each invalid case names the lines it must fire on (and the exact fixed text),
// each valid case must stay silent. Shared by every rule's *.test.ts.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseDockerfile } from '../dockerfile/parse.js';
import type { Dockerfile } from '../dockerfile/model.js';
import { fixDockerfile } from './fix.js';
import type { Finding, Rule, RuleContext } from './rule.js';
import { DEFAULT_RULE_CONTEXT } from './rule.js';

export interface InvalidCase {
  readonly code: string;
  /** Lines (1-based) the rule must report, in order; `message` is matched as a substring when given. */
  readonly findings: readonly { readonly line: number; readonly message?: string }[];
  /** Exact text after fixing; null: no fix may be offered; omitted: fixes are not checked. */
  readonly output?: string | null;
  readonly context?: Partial<RuleContext>;
  readonly name?: string;
}

export type ValidCase = string | { readonly code: string; readonly context?: Partial<RuleContext>; readonly name?: string };

export function parseOrThrow(code: string): Dockerfile {
  const r = parseDockerfile(code);
  if (!r.ok) throw new Error(`test Dockerfile does not parse: ${r.error.message} (line ${r.error.where.line ?? '?'})`);
  return r.value;
}

export function checkRule(rule: Rule, code: string, context: Partial<RuleContext> = {}): readonly Finding[] {
  return rule.check(parseOrThrow(code), { ...DEFAULT_RULE_CONTEXT, ...context });
}

export function runRuleTests(rule: Rule, cases: { readonly invalid: readonly InvalidCase[]; readonly valid: readonly ValidCase[] }): void {
  describe(rule.id, () => {
    const seen = new Set<string>();
    const once = (key: string): void => {
      assert.ok(!seen.has(key), `case appears twice: ${JSON.stringify(key)}`);
      seen.add(key);
    };
    for (const c of cases.invalid) {
      test(`fires: ${c.name ?? JSON.stringify(c.code)}`, () => {
        once(c.code + JSON.stringify(c.context ?? {}));
        const ctx = { ...DEFAULT_RULE_CONTEXT, ...c.context };
        const found = checkRule(rule, c.code, ctx);
        assert.ok(c.findings.length > 0, 'an invalid case must expect at least one finding');
        assert.deepEqual(found.map((f) => f.location.line), c.findings.map((f) => f.line), 'lines reported');
        for (const [i, f] of found.entries()) {
          assert.equal(f.rule, rule.id);
          assert.ok((f.location.line ?? 0) >= 1, 'lines start at 1');
          const want = c.findings[i]?.message;
          if (want !== undefined) assert.ok(f.message.includes(want), `message "${f.message}" should include "${want}"`);
        }
        if (c.output === null) {
          assert.ok(found.every((f) => (f.fix ?? []).length === 0), 'no fix may be offered');
        } else if (c.output !== undefined) {
          const fixed = fixDockerfile(c.code, [rule], ctx);
          assert.ok(fixed.stable, 'fixing reaches a fixed point');
          assert.equal(fixed.text, c.output);
          parseOrThrow(fixed.text);
          assert.equal(fixDockerfile(fixed.text, [rule], ctx).text, fixed.text, 'fixing again changes nothing');
        }
      });
    }
    for (const v of cases.valid) {
      const code = typeof v === 'string' ? v : v.code;
      const context = typeof v === 'string' ? {} : (v.context ?? {});
      test(`silent: ${(typeof v === 'string' ? undefined : v.name) ?? JSON.stringify(code)}`, () => {
        once(code + JSON.stringify(context));
        assert.deepEqual(checkRule(rule, code, context).map((f) => `${f.location.line ?? '?'}: ${f.message}`), []);
      });
    }
  });
}
