// Junk the user's layers leave in the final filesystem: caches, bytecode, VCS data, docs, tests, dumps, logs, temp files, source maps.
import type { Finding } from '../../rules/rule.js';
import type { AnalysisInput, Analyzer } from '../analyzer.js';
import { absolute, describeLayer, dirname, finding, isBase, LayerTally, locate, plural, withBase } from './common.js';
import type { ImageRule } from './common.js';

export const WH600: ImageRule = { id: 'WH600', title: 'Package-manager cache or index left in the image', severity: 'warning', category: 'size' };
export const WH601: ImageRule = { id: 'WH601', title: 'Python bytecode shipped next to its source', severity: 'info', category: 'size' };
export const WH602: ImageRule = { id: 'WH602', title: 'Git repository data in the image', severity: 'warning', category: 'size' };
export const WH603: ImageRule = { id: 'WH603', title: 'Documentation and man pages in the image', severity: 'info', category: 'size' };
export const WH604: ImageRule = { id: 'WH604', title: 'Locale data in the image', severity: 'info', category: 'size' };
export const WH605: ImageRule = { id: 'WH605', title: 'Test suites of installed packages in the image', severity: 'info', category: 'size' };
export const WH607: ImageRule = { id: 'WH607', title: 'Core dump in the image', severity: 'warning', category: 'size' };
export const WH608: ImageRule = { id: 'WH608', title: 'Log files in the image', severity: 'info', category: 'size' };
export const WH609: ImageRule = { id: 'WH609', title: 'Temporary files in the image', severity: 'warning', category: 'size' };
export const WH610: ImageRule = { id: 'WH610', title: 'Source maps in the image', severity: 'info', category: 'size' };

interface Kind {
  readonly rule: ImageRule;
  /** Matched against the path (no leading slash); group 1 is the directory reported (the whole path when absent). */
  readonly pattern: RegExp;
  readonly label: string | ((root: string) => string);
}

// Caches under any home directory (`root/`, `home/app/`, `usr/local/share/`) or a tool's fixed place.
const CACHE = /^((?:var\/cache\/(?:apt|apk|dnf|yum|zypp|pacman\/pkg)|var\/lib\/apt\/lists|etc\/apk\/cache)|(?:[^/]+\/)*?(?:\.cache\/(?:pip|yarn|pnpm|go-build|composer|node-gyp|pypoetry|uv|bower)|\.npm\/_cacache|\.yarn\/berry\/cache|\.pnpm-store|\.local\/share\/pnpm\/store|\.m2\/repository|\.gradle\/(?:caches|wrapper\/dists)|\.composer\/cache|\.bundle\/cache|\.gem\/specs|go\/pkg\/mod|(?:bundle|gems\/[^/]+)\/cache))\//;

const CACHE_LABELS: readonly [RegExp, string][] = [
  [/apt\/lists$/, 'apt package lists'], [/cache\/apt$/, 'apt package cache'], [/apk/, 'apk cache'],
  [/dnf$/, 'dnf cache'], [/yum$/, 'yum cache'], [/zypp$/, 'zypper cache'], [/pacman/, 'pacman cache'],
  [/pip$/, 'pip cache'], [/pypoetry$/, 'Poetry cache'], [/uv$/, 'uv cache'], [/yarn/, 'Yarn cache'], [/pnpm/, 'pnpm store'],
  [/\.npm/, 'npm cache'], [/node-gyp$/, 'node-gyp headers cache'], [/go-build$/, 'Go build cache'], [/go\/pkg\/mod$/, 'Go module cache'],
  [/\.m2/, 'Maven repository'], [/gradle/, 'Gradle cache'], [/composer/, 'Composer cache'], [/bower$/, 'Bower cache'],
  [/gem|bundle/, 'RubyGems cache'],
];

function cacheLabel(root: string): string {
  return CACHE_LABELS.find(([re]) => re.test(root))?.[1] ?? 'package cache';
}

const KINDS: readonly Kind[] = [
  { rule: WH600, pattern: CACHE, label: cacheLabel },
  { rule: WH602, pattern: /^((?:[^/]+\/)*?\.git)\//, label: 'Git repository data' },
  { rule: WH603, pattern: /^(usr\/(?:local\/)?share\/(?:doc|man|info|gtk-doc|help))\//, label: 'documentation' },
  { rule: WH604, pattern: /^(usr\/(?:local\/)?share\/(?:locale|i18n\/locales))\//, label: 'locale data' },
  // A package's own tests are never imported at run time; `testing` modules can be (numpy.testing), so they stay.
  { rule: WH605, pattern: /^((?:[^/]+\/)*?(?:node_modules|site-packages|dist-packages))\/(?:[^/]+\/)+?(?:tests?|__tests__)\//, label: 'package test suites' },
  { rule: WH607, pattern: /(?:^|\/)core(?:\.\d+)?$/, label: 'core dump' },
  { rule: WH608, pattern: /^(var\/log)\/|(?:^|\/)(?:npm-debug|yarn-error|lerna-debug)\.log|\.log$/, label: 'log files' },
  { rule: WH609, pattern: /^((?:var\/)?tmp)\//, label: 'temporary files' },
  { rule: WH610, pattern: /\.(?:js|mjs|cjs|css)\.map$/, label: 'source maps' },
];

interface Group {
  readonly rule: ImageRule;
  readonly label: string;
  readonly root: string;
  readonly tally: LayerTally;
}

/** Where a bytecode file's source would be: `a/__pycache__/m.cpython-312.pyc` -> `a/m.py`, `a/m.pyc` -> `a/m.py`. */
export function pythonSource(path: string): string | null {
  const m = /^(?:(.*)\/)?__pycache__\/([^/.]+)\.[^/]*pyc$/.exec(path);
  if (m !== null) return `${m[1] === undefined ? '' : `${m[1]}/`}${m[2] ?? ''}.py`;
  return path.endsWith('.pyc') && !path.includes('__pycache__') ? path.slice(0, -1) : null;
}

/** A directory to report a scattered kind of file under: the package root, else the top two directories. */
function scatterRoot(path: string): string {
  const pkg = /^((?:[^/]+\/)*?(?:node_modules|site-packages|dist-packages))\//.exec(path);
  if (pkg !== null) return pkg[1] as string;
  const dir = dirname(path);
  return dir.split('/').slice(0, 2).join('/');
}

export const junk: Analyzer = {
  name: 'junk',
  // Junk deleted by a later layer is the removed-later check's and the reclaimable accounting's business.
  scope: 'squashed',
  rules: [WH600.id, WH601.id, WH602.id, WH603.id, WH604.id, WH605.id, WH607.id, WH608.id, WH609.id, WH610.id],
  analyze(input: AnalysisInput) {
    const { fs } = input;
    const layers = withBase(input);
    const groups = new Map<string, Group>();
    const add = (rule: ImageRule, root: string, label: string, layer: number, bytes: number): void => {
      const key = `${rule.id}\0${root}`;
      let g = groups.get(key);
      if (g === undefined) groups.set(key, (g = { rule, label, root, tally: new LayerTally() }));
      g.tally.add(layer, bytes);
    };
    for (const e of fs.entries()) {
      // Base-image bytes are the base's choice; the user's fix is another base, which the toolchain check covers.
      if (e.type !== 'file' || e.size === 0 || isBase(layers, e.layer)) continue;
      const source = pythonSource(e.path);
      if (source !== null) {
        if (fs.get(source)?.type === 'file') add(WH601, scatterRoot(e.path), 'Python bytecode', e.layer, e.size);
        continue;
      }
      for (const k of KINDS) {
        const m = k.pattern.exec(e.path);
        if (m === null) continue;
        const root = m[1] ?? (k.rule === WH607 ? e.path : scatterRoot(e.path));
        add(k.rule, root, typeof k.label === 'string' ? k.label : k.label(root), e.layer, e.size);
        break;
      }
    }
    const findings: Finding[] = [];
    const figures: Record<string, number> = {};
    for (const g of [...groups.values()].sort((a, b) => a.rule.id.localeCompare(b.rule.id) || b.tally.bytes - a.tally.bytes)) {
      const top = g.tally.topLayer();
      const from = top === null ? '' : `${g.tally.layerCount() > 1 ? ', mostly from ' : ' from '}${describeLayer(layers, top)}`;
      const what = g.rule === WH607 ? g.label : `${g.label}: ${plural(g.tally.files, 'file')}`;
      findings.push(finding(g.rule, `${what} in ${absolute(g.root)}${from}`, locate(input, top, g.root), g.tally.bytes));
      figures[`${g.rule.id}.bytes`] = (figures[`${g.rule.id}.bytes`] ?? 0) + g.tally.bytes;
    }
    return { findings, figures };
  },
};
