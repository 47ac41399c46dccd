// node_modules packages that package.json (or npm's lockfile) marks as development-only, shipped in the final image.
import type { Finding } from '../../rules/rule.js';
import type { AnalysisInput, Analyzer } from '../analyzer.js';
import { absolute, basename, describeLayer, dirname, finding, isBase, LayerTally, locate, plural, rel, withBase } from './common.js';
import type { ImageRule } from './common.js';

export const WH611: ImageRule = { id: 'WH611', title: 'Node.js development dependencies in the image', severity: 'warning', category: 'size' };

const MAX_MANIFEST = 1024 * 1024;

function wantsBody(rooted: string, size: number): boolean {
  const path = rel(rooted);
  if (size === 0 || size > MAX_MANIFEST) return false;
  const name = basename(path);
  if (name === 'package.json' || name === 'package-lock.json') return !path.includes('node_modules/');
  // npm's hidden lockfile records what `npm install` actually put in node_modules.
  return name === '.package-lock.json' && path.endsWith('node_modules/.package-lock.json') && !path.slice(0, -'node_modules/.package-lock.json'.length).includes('node_modules/');
}

function parseJson(text: string | null): Record<string, unknown> | null {
  if (text === null) return null;
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    // A manifest longer than the sample, or not JSON at all: nothing to learn from it.
    return null;
  }
}

function keys(v: unknown): string[] {
  return typeof v === 'object' && v !== null ? Object.keys(v) : [];
}

/** `node_modules/...` paths a lockfile (v2/v3 `packages`) marks `dev: true`, relative to the project; null when unusable. */
export function devPathsFromLock(lock: Record<string, unknown> | null): string[] | null {
  const packages = lock?.packages;
  if (typeof packages !== 'object' || packages === null) return null;
  return Object.entries(packages as Record<string, unknown>)
    .filter(([p, v]) => p.startsWith('node_modules/') && typeof v === 'object' && v !== null && (v as { dev?: unknown }).dev === true)
    .map(([p]) => p);
}

export const nodeDevDependencies: Analyzer = {
  name: 'node-dev-dependencies',
  scope: 'squashed',
  rules: [WH611.id],
  wantsBody,
  analyze(input: AnalysisInput) {
    const { fs } = input;
    const layers = withBase(input);
    const findings: Finding[] = [];
    let total = 0;
    const finals = input.samples.filter((s) => !s.hiddenLater && fs.get(rel(s.path))?.layer === s.layer).map((s) => ({ ...s, path: rel(s.path) }));
    for (const manifest of finals.filter((s) => basename(s.path) === 'package.json')) {
      const dir = dirname(manifest.path);
      const prefix = dir === '' ? '' : `${dir}/`;
      const pkg = parseJson(manifest.text);
      if (pkg === null) continue;
      const lockSample = finals.find((s) => s.path === `${prefix}node_modules/.package-lock.json`) ?? finals.find((s) => s.path === `${prefix}package-lock.json`);
      const fromLock = devPathsFromLock(parseJson(lockSample?.text ?? null));
      const prod = new Set([...keys(pkg.dependencies), ...keys(pkg.optionalDependencies), ...keys(pkg.peerDependencies)]);
      const candidates = fromLock ?? keys(pkg.devDependencies).filter((n) => !prod.has(n)).map((n) => `node_modules/${n}`);
      const tally = new LayerTally();
      const names: string[] = [];
      for (const rel of candidates) {
        const path = `${prefix}${rel}`;
        const e = fs.get(path);
        if (e === null || e.type !== 'directory' || isBase(layers, e.layer)) continue;
        const bytes = fs.bytesUnder(path);
        tally.add(fs.lastLayerTouching(path) ?? e.layer, bytes);
        // Nested copies (a/node_modules/b) count their bytes but are not named.
        if (!rel.slice('node_modules/'.length).includes('node_modules/')) names.push(rel.slice('node_modules/'.length));
      }
      if (tally.files === 0) continue;
      const top = tally.topLayer();
      const list = `${names.slice(0, 5).join(', ')}${names.length > 5 ? `, ${names.length - 5} more` : ''}`;
      const how = fromLock === null ? 'devDependencies of' : 'packages the lockfile marks dev-only for';
      findings.push(finding(
        WH611,
        `${plural(tally.files, 'package')} in ${absolute(`${prefix}node_modules`)} are ${how} ${absolute(manifest.path)} (${list})${top === null ? '' : `, installed by ${describeLayer(layers, top)}`}: install with \`npm ci --omit=dev\` (or prune) in the final stage`,
        locate(input, top, `${prefix}node_modules`),
        tally.bytes,
      ));
      total += tally.bytes;
    }
    return { findings, figures: { 'WH611.bytes': total } };
  },
};
