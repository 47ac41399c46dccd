// DL3026: with `trustedRegistries` configured, every image a build pulls (FROM, COPY --from, RUN --mount from=)
// must come from one of them.
import type { Instruction } from '../dockerfile/model.js';
import type { Finding, Rule } from './rule.js';
import { findingAt } from './rule.js';

interface ImageRef {
  readonly registry: string | null;
  /** Repository path without registry, tag or digest. */
  readonly name: string;
}

// Docker's rule: the first path component is a registry when it looks like a host (a dot, a port, localhost).
// hadolint only knows the dotted form; `localhost:5000/app` is a registry to us, a Docker Hub image to it.
function parseRef(ref: string): ImageRef {
  const slash = ref.indexOf('/');
  const first = slash < 0 ? '' : ref.slice(0, slash);
  const isHost = first.includes('.') || first.includes(':') || first === 'localhost';
  const path = isHost ? ref.slice(slash + 1) : ref;
  const name = path.replace(/@.*$/, '').replace(/:[^/]*$/, '');
  return { registry: isHost ? first : null, name };
}

// A pattern is `*`, `*.suffix`, `prefix*` or an exact registry.
function matches(pattern: string, registry: string): boolean {
  if (pattern === '*') return true;
  if (pattern.startsWith('*')) return registry.endsWith(pattern.slice(1));
  if (pattern.endsWith('*')) return registry.startsWith(pattern.slice(0, -1));
  return registry === pattern;
}

export const dl3026: Rule = {
  id: 'DL3026',
  title: 'Use only an allowed registry in the FROM image',
  category: 'security',
  severity: 'error',
  origin: 'hadolint',
  fixable: false,
  check(df, ctx) {
    const trusted = ctx.trustedRegistries;
    if (trusted.length === 0) return [];
    const allowed = (registry: string): boolean => trusted.some((p) => matches(p, registry));
    const stages = new Set<string>();
    const ok = (ref: string): boolean => {
      const image = parseRef(ref);
      if (stages.has(image.name.toLowerCase())) return true;
      if (image.registry !== null) return allowed(image.registry);
      // An image without a registry comes from Docker Hub; scratch comes from nowhere.
      return image.name === 'scratch' || allowed('docker.io') || allowed('hub.docker.com');
    };
    const found: Finding[] = [];
    const report = (ins: Instruction, ref: string): void => {
      found.push(findingAt(dl3026, ins, `${ref} is not from a trusted registry (${trusted.join(', ')})`));
    };
    // hadolint does not look inside ONBUILD for this rule.
    for (const ins of df.instructions) {
      if (ins.keyword === 'FROM' && ins.from) {
        if (!ok(ins.from.image)) report(ins, ins.from.image);
        if (ins.from.alias) stages.add(ins.from.alias.toLowerCase());
      } else if (ins.keyword === 'COPY' && ins.copy?.from != null) {
        // A stage index (`--from=0`) is no image; hadolint would judge it as a Docker Hub image named "0".
        const from = ins.copy.from;
        if (!/^\d+$/.test(from) && !ok(from)) report(ins, from);
      } else if (ins.keyword === 'RUN') {
        const bad = (ins.run?.mounts ?? [])
          .filter((m) => m.type === 'cache' || m.type === 'bind')
          .map((m) => m.options.from ?? 'scratch')
          .find((from) => !/^\d+$/.test(from) && !ok(from));
        if (bad !== undefined) report(ins, bad);
      }
    }
    return found;
  },
};
