// Build toolchains (compilers, headers, static libraries, -dev packages, SDKs) shipped in what should be a runtime image.
import type { FsEntry } from '../../image/fs.js';
import type { Finding } from '../../rules/rule.js';
import type { AnalysisInput, Analyzer, FileSample } from '../analyzer.js';
import { absolute, basename, describeLayer, finding, isBase, LayerTally, locate, plural, rel, withBase } from './common.js';
import type { ImageRule } from './common.js';

export const WH606: ImageRule = { id: 'WH606', title: 'Build toolchain in the final image', severity: 'warning', category: 'size' };

/** Packages that exist to build software, not to run it (Debian and Alpine names; `:arch` removed first). */
const TOOL_PACKAGE =
  /^(?:[a-z0-9.+-]+-dev|build-essential|build-base|gcc(?:-\d+)?(?:-[a-z0-9_-]+-linux-gnu)?|g\+\+(?:-\d+)?|cpp(?:-\d+)?|clang(?:-\d+)?|llvm(?:-\d+)?|make|cmake|autoconf|automake|libtool|binutils(?:-[a-z0-9_-]+)?|gfortran(?:-\d+)?|golang(?:-[\d.]+)?(?:-go)?|go|rustc|cargo|musl-dev|fortify-headers)$/;

/** Files that only a build uses: compilers and linkers, their libraries, headers, static libraries, SDK trees. */
const TOOL_PATH =
  /^(?:usr\/(?:local\/)?include\/|usr\/lib\/gcc\/|usr\/libexec\/gcc\/|usr\/lib\/llvm-\d+\/|usr\/local\/go\/|usr\/lib\/go-[\d.]+\/|usr\/local\/(?:rustup|cargo)\/|(?:[^/]+\/)*?\.rustup\/|usr\/share\/dotnet\/sdk\/|usr\/(?:local\/)?bin\/(?:[a-z0-9_]+-linux-gnu-)?(?:gcc|g\+\+|c\+\+|cpp|cc1(?:plus)?|clang(?:\+\+)?|gfortran|ld(?:\.bfd|\.gold)?|as|rustc|cargo)(?:-\d+(?:\.\d+)*)?$|usr\/(?:local\/)?lib\/(?:[^/]+\/)*[^/]+\.a$)/;

// A compiler proper: what makes a base image a build image (headers alone, like node's, do not).
const COMPILER_PATH = /^usr\/(?:local\/)?(?:bin\/(?:[a-z0-9_]+-linux-gnu-)?(?:gcc|g\+\+|cc1(?:plus)?|clang|rustc)(?:-[\d.]+)?$|lib\/gcc\/|libexec\/gcc\/|local\/go\/bin\/)/;
const COMPILER_PACKAGE = /^(?:build-essential|build-base|gcc(?:-\d+)?|g\+\+(?:-\d+)?|clang(?:-\d+)?|golang(?:-[\d.]+)?(?:-go)?|go|rustc)$/;

const DPKG_STATUS = 'var/lib/dpkg/status';
const APK_DB = 'lib/apk/db/installed';
const DPKG_INFO = 'var/lib/dpkg/info/';

function packageName(listPath: string): string {
  return basename(listPath).replace(/\.list$/, '').replace(/:[a-z0-9_]+$/, '');
}

function wantsBody(rooted: string, size: number): boolean {
  const path = rel(rooted);
  if (path === DPKG_STATUS || path === APK_DB) return true;
  return size > 0 && path.startsWith(DPKG_INFO) && path.endsWith('.list') && TOOL_PACKAGE.test(packageName(path));
}

export interface InstalledPackage {
  readonly name: string;
  /** Installed size in bytes as the package database states it; null when it does not. */
  readonly size: number | null;
  /** Files the database lists for it (apk only; dpkg keeps them in `info/*.list`). */
  readonly files: readonly string[];
}

/** Installed packages of a dpkg `status` file (only `install ok installed` ones). */
export function parseDpkgStatus(text: string): InstalledPackage[] {
  const out: InstalledPackage[] = [];
  for (const block of text.split(/\n\s*\n/)) {
    const name = /^Package:\s*(\S+)/m.exec(block)?.[1];
    if (name === undefined || !/^Status:.*\binstalled\s*$/m.test(block) || /^Status:.*\bnot-installed/m.test(block)) continue;
    const kb = /^Installed-Size:\s*(\d+)/m.exec(block)?.[1];
    out.push({ name, size: kb === undefined ? null : Number(kb) * 1024, files: [] });
  }
  return out;
}

/** Installed packages of apk's `lib/apk/db/installed`, with their files. */
export function parseApkInstalled(text: string): InstalledPackage[] {
  const out: InstalledPackage[] = [];
  for (const block of text.split(/\n\s*\n/)) {
    let name: string | null = null;
    let size: number | null = null;
    let dir = '';
    const files: string[] = [];
    for (const line of block.split('\n')) {
      const value = line.slice(2);
      if (line.startsWith('P:')) name = value;
      else if (line.startsWith('I:')) size = Number(value);
      else if (line.startsWith('F:')) dir = value;
      else if (line.startsWith('R:')) files.push(dir === '' ? value : `${dir}/${value}`);
    }
    if (name !== null) out.push({ name, size: Number.isFinite(size) ? size : null, files });
  }
  return out;
}

/** The final and the base image's version of a package database, when read. */
function versions(input: AnalysisInput, path: string): { final: FileSample | null; base: FileSample | null } {
  const entry = input.fs.get(path);
  let final: FileSample | null = null;
  let base: FileSample | null = null;
  for (const s of input.samples) {
    if (rel(s.path) !== path || s.text === null) continue;
    if (entry !== null && s.layer === entry.layer && !s.hiddenLater) final = s;
    if (isBase(withBase(input), s.layer) && (base === null || s.layer > base.layer)) base = s;
  }
  return { final, base };
}

interface Side {
  readonly tally: LayerTally;
  readonly packages: Set<string>;
  readonly dirs: Map<string, number>;
  estimated: number;
  compiler: boolean;
}

function side(): Side {
  return { tally: new LayerTally(), packages: new Set(), dirs: new Map(), estimated: 0, compiler: false };
}

function topDir(path: string): string {
  const parts = path.split('/');
  const depth = /^usr\/(?:local|lib|libexec)\//.test(path) ? 3 : 2;
  return parts.slice(0, Math.min(depth, parts.length - 1)).join('/');
}

export const toolchain: Analyzer = {
  name: 'toolchain',
  scope: 'squashed',
  rules: [WH606.id],
  wantsBody,
  analyze(input: AnalysisInput) {
    const { fs } = input;
    const layers = withBase(input);
    const user = side();
    const base = side();
    const counted = new Set<string>();
    const count = (path: string, e: Pick<FsEntry, 'type' | 'size' | 'layer'>): void => {
      if (counted.has(path) || e.type !== 'file') return;
      counted.add(path);
      const s = isBase(layers, e.layer) ? base : user;
      s.tally.add(e.layer, e.size);
      if (COMPILER_PATH.test(path)) s.compiler = true;
      const dir = topDir(path);
      s.dirs.set(dir, (s.dirs.get(dir) ?? 0) + e.size);
    };
    for (const e of fs.entries()) if (e.type === 'file' && TOOL_PATH.test(e.path)) count(e.path, e);

    // dpkg: every toolchain package's file list, exactly.
    const listed = new Set<string>();
    for (const s of input.samples) {
      const path = rel(s.path);
      if (!path.startsWith(DPKG_INFO) || s.hiddenLater || s.text === null || fs.get(path)?.layer !== s.layer) continue;
      const name = packageName(path);
      listed.add(name);
      const owner = isBase(layers, s.layer) ? base : user;
      owner.packages.add(name);
      if (COMPILER_PACKAGE.test(name)) owner.compiler = true;
      for (const line of s.text.split('\n')) {
        const p = line.replace(/^\/+/, '');
        const e = p === '' ? null : fs.get(p);
        if (e !== null) count(p, e);
      }
    }
    // Package databases: names (and, for apk, files) of toolchain packages, split by what the base already had.
    for (const [path, parse] of [[DPKG_STATUS, parseDpkgStatus], [APK_DB, parseApkInstalled]] as const) {
      const { final, base: baseDb } = versions(input, path);
      if (final === null || final.text === null) continue;
      const inBase = new Set(baseDb?.text == null ? [] : parse(baseDb.text).map((p) => p.name));
      const dbLayer = fs.get(path)?.layer ?? final.layer;
      for (const pkg of parse(final.text)) {
        const name = pkg.name.replace(/:[a-z0-9_]+$/, '');
        if (!TOOL_PACKAGE.test(name)) continue;
        const s = inBase.has(pkg.name) || isBase(layers, dbLayer) ? base : user;
        s.packages.add(name);
        if (COMPILER_PACKAGE.test(name)) s.compiler = true;
        let found = false;
        for (const f of pkg.files) {
          const e = fs.get(f);
          if (e !== null) {
            count(f, e);
            found = true;
          }
        }
        // Without a file list the database's own size is the best estimate.
        if (!found && !listed.has(name) && pkg.size !== null) s.estimated += pkg.size;
      }
    }

    const findings: Finding[] = [];
    for (const [s, fromBase] of [[user, false], [base, true]] as const) {
      const bytes = s.tally.bytes + s.estimated;
      if ((bytes === 0 && s.packages.size === 0) || (fromBase && !s.compiler)) continue;
      const names = [...s.packages].sort();
      const dirs = [...s.dirs.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([d]) => absolute(d));
      const parts = [
        names.length === 0 ? '' : `${names.slice(0, 6).join(', ')}${names.length > 6 ? `, ${names.length - 6} more` : ''}`,
        dirs.length === 0 ? '' : `${plural(s.tally.files, 'file')} in ${dirs.join(', ')}`,
      ].filter((x) => x !== '');
      const what = parts.length === 0 ? '' : ` (${parts.join('; ')})`;
      const top = s.tally.topLayer();
      const message = fromBase
        ? `the base image ships a build toolchain${what}: a slim or distroless runtime base, with the build in an earlier stage, drops it`
        : `build toolchain${what} installed${top === null ? '' : ` by ${describeLayer(layers, top)}`}: build in an earlier stage and copy only its output`;
      findings.push(finding(WH606, message, locate(input, fromBase ? null : top, dirs[0]?.slice(1)), bytes));
    }
    return { findings, figures: { 'WH606.bytes': user.tally.bytes + user.estimated, 'WH606.baseBytes': base.tally.bytes + base.estimated } };
  },
};
