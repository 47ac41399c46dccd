// WH303: a tag can be moved to another image at any time; only a digest names one image for good.
import type { Dockerfile, Stage } from '../dockerfile/model.js';
import type { Finding, Rule, RuleContext } from './rule.js';
import { findingAt } from './rule.js';

/** Global ARG defaults, overridden by `--build-arg`: what a FROM line's variables expand to. */
function fromArgs(df: Dockerfile, ctx: RuleContext): Map<string, string> {
  const vars = new Map<string, string>();
  for (const ins of df.globalArgs) for (const p of ins.pairs ?? []) if (p.value !== null) vars.set(p.key, p.value);
  for (const [k, v] of Object.entries(ctx.buildArgs)) vars.set(k, v);
  return vars;
}

function expand(text: string, vars: ReadonlyMap<string, string>): string {
  return text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (whole, braced?: string, fallback?: string, bare?: string) => {
    const name = braced ?? bare ?? '';
    return vars.get(name) ?? fallback ?? whole;
  });
}

/** A stage's FROM image with its variables expanded where they can be (WH304 reads it too). */
export function resolvedImage(df: Dockerfile, stage: Stage, ctx: RuleContext): string {
  return expand(stage.from.from?.image ?? '', fromArgs(df, ctx));
}

function check(df: Dockerfile, stage: Stage, ctx: RuleContext): Finding[] {
  const from = stage.from.from;
  if (from === undefined || from.parentStage !== null) return [];
  const image = resolvedImage(df, stage, ctx);
  // Still a variable: the real reference is only known at build time.
  if (image === '' || image.includes('$') || image.toLowerCase() === 'scratch') return [];
  if (df.stages.some((s) => s.index < stage.index && s.name !== null && s.name.toLowerCase() === image.toLowerCase())) return [];
  if (image.includes('@')) return [];
  const last = image.slice(image.lastIndexOf('/') + 1);
  const colon = last.indexOf(':');
  const tag = colon < 0 ? null : last.slice(colon + 1);
  const also = tag === null
    ? ' It has no tag either, so it means :latest, which changes with every release.'
    : tag === 'latest'
      ? ' Its tag is :latest, which changes with every release.'
      : '';
  return [
    findingAt(
      wh303,
      stage.from,
      `${image} is not pinned by digest, so rebuilds may get a different image: use ${image}@sha256:<digest>.${also}`,
    ),
  ];
}

export const wh303: Rule = {
  id: 'WH303',
  title: 'Pin base images by digest',
  category: 'security',
  severity: 'info',
  origin: 'whittle',
  fixable: false,
  check(df, ctx) {
    return df.stages.flatMap((s) => check(df, s, ctx));
  },
};
