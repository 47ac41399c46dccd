// `whittle rules`: every rule whittle reports — Dockerfile rules, image rules (analyze), context rules (context) —
// as a table, JSON or Markdown.
import { imageRules } from '../analysis/checks/index.js';
import { CONTEXT_CHECKS } from '../context/report.js';
import { rules } from '../rules/index.js';
import type { Category, Origin, RuleSeverity } from '../rules/rule.js';
import type { RuleScope, RulesFormat } from './formats.js';

/** One row of the list, whatever checks it: the Dockerfile linter, the image analyzer or the context report. */
export interface ListedRule {
  readonly id: string;
  readonly scope: Exclude<RuleScope, 'all'>;
  readonly title: string;
  readonly severity: RuleSeverity;
  readonly category: Category;
  readonly origin: Origin;
  readonly fixable: boolean;
  readonly aliases: readonly string[];
  /** Where the rule is documented, relative to the repository root. */
  readonly docs: string;
}

/** The rules of one scope (default: all, Dockerfile rules first), optionally only one ruleset's. */
export function listRules(scope: RuleScope = 'all', origin?: Origin): ListedRule[] {
  const out: ListedRule[] = [];
  if (scope === 'all' || scope === 'dockerfile') {
    for (const r of rules) {
      out.push({ id: r.id, scope: 'dockerfile', title: r.title, severity: r.severity, category: r.category, origin: r.origin, fixable: r.fixable, aliases: r.aliases ?? [], docs: `docs/rules/${r.id}.md` });
    }
  }
  if (scope === 'all' || scope === 'image') {
    for (const r of imageRules) out.push({ ...r, scope: 'image', origin: 'whittle', fixable: false, aliases: [], docs: `docs/rules/${r.id}.md` });
  }
  if (scope === 'all' || scope === 'context') {
    for (const r of Object.values(CONTEXT_CHECKS)) {
      out.push({ ...r, scope: 'context', origin: 'whittle', fixable: false, aliases: [], docs: `docs/context.md#${r.id.toLowerCase()}` });
    }
  }
  return origin === undefined ? out : out.filter((r) => r.origin === origin);
}

function row(r: ListedRule): string[] {
  return [r.id, r.scope, r.severity, r.category, r.origin, r.fixable ? 'yes' : 'no', r.title];
}

export function renderRules(format: RulesFormat, list: readonly ListedRule[]): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify({
        schemaVersion: 1,
        rules: list.map((r) => ({ id: r.id, scope: r.scope, title: r.title, severity: r.severity, category: r.category, origin: r.origin, fixable: r.fixable, aliases: r.aliases, docs: r.docs })),
      }, null, 2)}\n`;
    case 'markdown': {
      const head = '| id | scope | severity | category | origin | fixable | title |\n|---|---|---|---|---|---|---|';
      const body = list.map((r) => `| [${r.id}](${r.docs}) | ${row(r).slice(1).map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`);
      return `${[head, ...body].join('\n')}\n`;
    }
    case 'tty': {
      const rows = list.map(row);
      const widths = [0, 1, 2, 3, 4, 5].map((i) => Math.max(...rows.map((r) => (r[i] ?? '').length), 0));
      return `${rows.map((r) => r.map((c, i) => (i < 6 ? c.padEnd(widths[i] ?? 0) : c)).join('  ')).join('\n')}\n${list.length} rules\n`;
    }
  }
}
