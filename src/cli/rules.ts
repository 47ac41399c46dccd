// `whittle rules`: the rule set as a table, JSON or Markdown.
import { rules } from '../rules/index.js';
import type { Origin, Rule } from '../rules/rule.js';

export const RULES_FORMATS = ['tty', 'json', 'markdown'] as const;
export type RulesFormat = (typeof RULES_FORMATS)[number];

/** The registry, or only the rules of one ruleset (`whittle rules --origin buildkit`). */
export function rulesOfOrigin(origin: Origin | undefined): readonly Rule[] {
  return origin === undefined ? rules : rules.filter((r) => r.origin === origin);
}

function row(r: Rule): string[] {
  return [r.id, r.severity, r.category, r.origin, r.fixable ? 'yes' : 'no', r.title];
}

export function renderRules(format: RulesFormat, list: readonly Rule[] = rules): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify({
        schemaVersion: 1,
        rules: list.map((r) => ({ id: r.id, title: r.title, severity: r.severity, category: r.category, origin: r.origin, fixable: r.fixable, aliases: r.aliases ?? [], docs: `docs/rules/${r.id}.md` })),
      }, null, 2)}\n`;
    case 'markdown': {
      const head = '| id | severity | category | origin | fixable | title |\n|---|---|---|---|---|---|';
      const body = list.map((r) => `| [${r.id}](docs/rules/${r.id}.md) | ${row(r).slice(1).map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`);
      return `${[head, ...body].join('\n')}\n`;
    }
    case 'tty': {
      const rows = list.map(row);
      const widths = [0, 1, 2, 3, 4].map((i) => Math.max(...rows.map((r) => (r[i] ?? '').length), 0));
      return `${rows.map((r) => r.map((c, i) => (i < 5 ? c.padEnd(widths[i] ?? 0) : c)).join('  ')).join('\n')}\n${list.length} rules\n`;
    }
  }
}
