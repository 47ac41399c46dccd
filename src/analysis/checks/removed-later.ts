// Files a later layer deletes: the deletion hides them but their bytes still ship in the layer that added them.
import type { Finding } from '../../rules/rule.js';
import type { AnalysisInput, Analyzer } from '../analyzer.js';
import { absolute, describeLayer, finding, isBase, locate, plural, withBase } from './common.js';
import type { ImageRule } from './common.js';

export const WH620: ImageRule = { id: 'WH620', title: 'Files deleted in a later layer still ship', severity: 'warning', category: 'size' };

interface Pair {
  readonly added: number;
  readonly deleted: number;
  bytes: number;
  files: number;
  /** Longest directory prefix of every path in the pair. */
  root: string | null;
}

function commonDir(a: string, b: string): string {
  const x = a.split('/');
  const y = b.split('/');
  let i = 0;
  while (i < x.length - 1 && i < y.length - 1 && x[i] === y[i]) i++;
  return x.slice(0, i).join('/');
}

export const removedLater: Analyzer = {
  name: 'removed-later',
  scope: 'all-layers',
  rules: [WH620.id],
  analyze(input: AnalysisInput) {
    const { fs } = input;
    const layers = withBase(input);
    const pairs = new Map<string, Pair>();
    for (const { path, events } of fs.histories()) {
      let added: { layer: number; size: number } | null = null;
      for (const ev of events) {
        if (ev.change === 'added' || ev.change === 'replaced') {
          added = ev.type === 'file' && ev.size > 0 ? { layer: ev.layer, size: ev.size } : null;
          continue;
        }
        if (ev.change !== 'deleted' || added === null || ev.layer <= added.layer) continue;
        // The base's own housekeeping is not the user's to fix.
        if (!(isBase(layers, added.layer) && isBase(layers, ev.layer))) {
          const key = `${added.layer}:${ev.layer}`;
          let p = pairs.get(key);
          if (p === undefined) pairs.set(key, (p = { added: added.layer, deleted: ev.layer, bytes: 0, files: 0, root: null }));
          p.bytes += added.size;
          p.files++;
          p.root = p.root === null ? path.slice(0, Math.max(0, path.lastIndexOf('/'))) || path : commonDir(`${p.root}/x`, path);
        }
        added = null;
      }
    }
    const findings: Finding[] = [];
    let total = 0;
    for (const p of [...pairs.values()].sort((a, b) => b.bytes - a.bytes || a.added - b.added)) {
      const root = p.root === null || p.root === '' ? '/' : absolute(p.root);
      const adder = isBase(layers, p.added) ? `the base image's ${describeLayer(layers, p.added)}` : describeLayer(layers, p.added);
      const fix = isBase(layers, p.added)
        ? 'a base image without them saves the bytes; deleting them cannot'
        : 'delete them in the same instruction that creates them (or use a cache mount or an earlier stage)';
      findings.push(finding(
        WH620,
        `${plural(p.files, 'file')} under ${root} added by ${adder} ${p.files === 1 ? 'is' : 'are'} deleted by ${describeLayer(layers, p.deleted)}, but ${p.files === 1 ? 'its' : 'their'} bytes still ship: ${fix}`,
        locate(input, p.deleted, p.root ?? ''),
        p.bytes,
      ));
      total += p.bytes;
    }
    return { findings, figures: { 'WH620.bytes': total } };
  },
};
