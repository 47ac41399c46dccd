// WH304: an image whose Dockerfile never says USER runs its process as root, unless the base chose otherwise.
import type { Stage } from '../dockerfile/model.js';
import { shippedStages } from './helpers.js';
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';
import { resolvedImage } from './wh303-base-not-pinned.js';

interface KnownBase {
  readonly test: RegExp;
  readonly why: string;
}

// Bases documented to default to a non-root user. `-dev` Chainguard variants and bitnami/minideb run as root.
const NON_ROOT_BASES: readonly KnownBase[] = [
  { test: /:(?:[\w.-]*-)?nonroot$/, why: 'a :nonroot tag' },
  { test: /^(?:cgr\.dev\/chainguard|chainguard)\/[^:@]+(?::(?![\w.-]*dev)[\w.-]+)?(?:@.*)?$/, why: 'a Chainguard image' },
  { test: /(?:-unprivileged|rootless)(?::|@|$)/, why: 'an unprivileged/rootless variant' },
  { test: /^(?:docker\.io\/)?bitnami\/(?!minideb)/, why: 'a Bitnami image (non-root by default)' },
  { test: /^mcr\.microsoft\.com\/windows\/nanoserver/, why: 'Nano Server (ContainerUser by default)' },
];

function setsUser(stage: Stage): boolean {
  return stage.instructions.some((i) => i.keyword === 'USER');
}

export const wh304: Rule = {
  id: 'WH304',
  title: 'Set a non-root USER in the final stage',
  category: 'security',
  severity: 'warning',
  origin: 'whittle',
  fixable: false,
  check(df, ctx) {
    const chain = shippedStages(df);
    const final = chain[chain.length - 1];
    const root = chain[0];
    if (final === undefined || root === undefined || chain.some(setsUser)) return [];
    const base = resolvedImage(df, root, ctx);
    const known = NON_ROOT_BASES.find((b) => b.test.test(base.split('@')[0] ?? base));
    if (known !== undefined) return [];
    const stages = chain.length > 1 ? 'the final stage and the stages it builds on never set USER' : 'the final stage never sets USER';
    const decided = base.toLowerCase() === 'scratch'
      ? 'FROM scratch has no users at all'
      : base.includes('$')
        ? `its base ${base} is only known at build time`
        : `its base ${base} is not a known non-root image`;
    return [
      findingAt(wh304, final.from, `${stages} and ${decided}, so the container runs as root: add \`USER <name or uid>\``),
    ];
  },
};
