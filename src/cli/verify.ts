// `whittle fix --verify`: build the Dockerfile before and after fixing with a real builder, read both images with
// whittle's own reader, and measure size, layers, build time, how much a source edit rebuilds, and what each fix
// saved (each rule's fixes applied in turn and built, the cache reusing every step before the first change).
import { cp, lstat, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseCreatedBy } from '../analysis/checks/base.js';
import { hideSecrets } from '../analysis/checks/common.js';
import { parseDockerfile } from '../dockerfile/parse.js';
import { contextIgnore } from '../context/top-level.js';
import { WhittleError } from '../errors.js';
import type { Builder, BuildOutput } from './builders.js';
import type { BuilderKind } from './formats.js';
import { chooseBuilder, lastLine } from './builders.js';

/** One step of the fixing: the Dockerfile with the fixes of `rules` (and every earlier step's) applied. */
export interface FixStep {
  readonly rules: readonly string[];
  readonly text: string;
}

export interface VerifyInput {
  readonly before: string;
  readonly after: string;
  /** Intermediate Dockerfiles, in order, the last equal to `after`; fewer than two means no per-fix builds. */
  readonly steps?: readonly FixStep[];
  readonly context: string;
  /** The Dockerfile's own path, for its `<Dockerfile>.dockerignore`; null or absent when read from stdin. */
  readonly dockerfile?: string | null | undefined;
  /** buildah storage root holding the base images; default: a fresh temporary one (bases are pulled). */
  readonly store?: string | undefined;
  readonly builder?: BuilderKind | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export interface LayerMeasure {
  readonly diffId: string;
  /** The instruction that made it (from history), secrets masked. */
  readonly by: string;
  readonly bytes: number;
}

export interface BuildMeasure {
  /** Bytes of file content in all layers (what the layers carry uncompressed, headers aside). */
  readonly bytes: number;
  readonly layers: number;
  readonly seconds: number;
  readonly perLayer: readonly LayerMeasure[];
}

export interface LayerChange {
  readonly before: { readonly by: string; readonly bytes: number } | null;
  readonly after: { readonly by: string; readonly bytes: number } | null;
}

/** What one step's fixes changed, measured against the image of the last step that built. */
export interface StepMeasure {
  readonly rules: readonly string[];
  /** False when the step was not built: it changes only metadata (bytes as the step before), or it failed (bytes null). */
  readonly built: boolean;
  /** Null when this step's Dockerfile did not build; its change is then counted in the next step that did. */
  readonly bytes: number | null;
  readonly saved: number | null;
  readonly layers: number | null;
  readonly changed: readonly LayerChange[];
}

export interface VerifyReport {
  readonly builder: string;
  readonly before: BuildMeasure;
  readonly after: BuildMeasure | null;
  readonly afterOk: boolean;
  readonly afterError: string | null;
  /** Per fix step, in order; one step when a single rule changed the file (its figures are the totals). */
  readonly steps: readonly StepMeasure[];
  /** Steps re-run after one source file changes (before, after); null when no source file could be chosen. */
  readonly probe: { readonly file: string; readonly before: number; readonly after: number } | null;
}

const SOURCE = /\.(js|mjs|cjs|ts|py|go|rs|java|kt|rb|php|sh|c|cc|cpp|h|html|css)$/;
// Appending a newline would corrupt these.
const ARCHIVE = /\.(tgz|tar|gz|bz2|xz|zst|zip|jar|war|whl|png|jpe?g|gif|so|bin)$/i;
const MANIFEST = /^(package(-lock)?\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|requirements.*\.txt|Pipfile(\.lock)?|pyproject\.toml|poetry\.lock|go\.(mod|sum)|pom\.xml|Gemfile(\.lock)?|Cargo\.(toml|lock)|composer\.(json|lock))$/;

/** Where a run's images are exported (one OCI layout) and what their layers were measured at, by diff ID. */
export interface Measuring {
  readonly layout: string;
  readonly bytes: Map<string, number>;
}

export async function measure(b: Builder, tag: string, name: string, built: BuildOutput, at: Measuring): Promise<BuildMeasure> {
  const image = await b.open(tag, at.layout, name);
  const perLayer: LayerMeasure[] = [];
  for (const layer of image.layers) {
    // Steps share most layers (the base, everything before the first change): each is walked once.
    let bytes = at.bytes.get(layer.diffId);
    if (bytes === undefined) {
      bytes = 0;
      for await (const e of layer.entries()) bytes += e.size;
      at.bytes.set(layer.diffId, bytes);
    }
    perLayer.push({ diffId: layer.diffId, by: layerText(layer.createdBy), bytes });
  }
  return { bytes: perLayer.reduce((n, l) => n + l.bytes, 0), layers: perLayer.length, seconds: built.seconds, perLayer };
}

/** What made a layer, as the Dockerfile said it: shell prefix and build-arg prefix dropped, secrets masked. */
function layerText(createdBy: string | null): string {
  const parsed = parseCreatedBy(createdBy);
  const text = hideSecrets(parsed.keyword === null || parsed.keyword === 'RUN' ? parsed.text : `${parsed.keyword} ${parsed.text}`);
  return text.length > 72 ? `${text.slice(0, 69)}...` : text;
}

// layerText shows a RUN as its command alone and every other instruction with its keyword.
const keyword = (by: string): string => /^(?:ADD|COPY|WORKDIR|USER|ENV|ARG|VOLUME|SHELL)\b/.exec(by)?.[0] ?? 'RUN';

/**
 * Layers of `to` that `from` does not have, paired with the ones they replace: first a layer made by the same
 * instruction text, then one made by the same kind of instruction, then by position among the rest. A pair whose
 * bytes did not change (a step merely re-run because an earlier one changed) is left out: it is not where the
 * saving came from.
 */
export function changedLayers(from: readonly LayerMeasure[], to: readonly LayerMeasure[]): LayerChange[] {
  const inTo = new Set(to.map((l) => l.diffId));
  const inFrom = new Set(from.map((l) => l.diffId));
  const gone = from.filter((l) => !inTo.has(l.diffId));
  const made = to.filter((l) => !inFrom.has(l.diffId));
  const pairs: [LayerMeasure | undefined, LayerMeasure | undefined][] = [];
  // Same text first, then the same instruction (a RUN replaces a RUN, a COPY a COPY), then what is left in order.
  for (const alike of [(a: LayerMeasure, b: LayerMeasure): boolean => a.by === b.by, (a: LayerMeasure, b: LayerMeasure): boolean => keyword(a.by) === keyword(b.by)]) {
    for (const b of [...made]) {
      const i = gone.findIndex((a) => alike(a, b));
      if (i < 0) continue;
      pairs.push([gone[i], b]);
      gone.splice(i, 1);
      made.splice(made.indexOf(b), 1);
    }
  }
  for (let i = 0; i < Math.max(gone.length, made.length); i++) pairs.push([gone[i], made[i]]);
  const side = (l: LayerMeasure | undefined): LayerChange['before'] => (l === undefined ? null : { by: l.by, bytes: l.bytes });
  // In image order: the layer the change lands in, else the layer it replaced.
  const order = (l: LayerMeasure | undefined, list: readonly LayerMeasure[]): number => (l === undefined ? -1 : list.indexOf(l));
  return pairs
    .filter(([a, b]) => (a?.bytes ?? 0) !== (b?.bytes ?? 0) || a === undefined || b === undefined)
    .sort((x, y) => (order(x[1], to) < 0 ? order(x[0], from) : order(x[1], to)) - (order(y[1], to) < 0 ? order(y[0], from) : order(y[1], to)))
    .map(([a, b]) => ({ before: side(a), after: side(b) }));
}

// A file the build copies that is not a dependency manifest: editing it is the everyday source change.
async function sourceFile(context: string): Promise<string | null> {
  const walk = async (dir: string): Promise<string[]> => {
    const out: string[] = [];
    for (const e of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) out.push(...(await walk(full)));
      else if (e.isFile() && !/^Dockerfile|\.dockerfile$/i.test(e.name) && !MANIFEST.test(e.name)) out.push(full);
    }
    return out;
  };
  const files = (await walk(context)).filter((f) => !ARCHIVE.test(f));
  // Code is what people edit most; any other text file will do.
  const chosen = files.find((f) => SOURCE.test(f)) ?? files[0];
  return chosen === undefined ? null : path.relative(context, chosen);
}

/**
 * Copy what the build would receive: files the ignore file excludes are left behind (a context may hold
 * gigabytes the build never sees, and the probe must edit a file the build does see). When the Dockerfile has an
 * ignore file of its own, the context's `.dockerignore` stays behind too: the copies are named Dockerfile.before
 * and so on, so the builder would fall back to it.
 */
async function copyContext(from: string, to: string, dockerfile: string | null): Promise<void> {
  const ignore = await contextIgnore(from, dockerfile);
  const rules = ignore === null || ignore === undefined ? null : ignore.rules;
  const own = ignore !== null && ignore !== undefined && path.resolve(ignore.file) !== path.resolve(from, '.dockerignore');
  await cp(from, to, {
    recursive: true,
    preserveTimestamps: true,
    filter: async (src) => {
      const rel = path.relative(from, src).split(path.sep).join('/');
      if (rel === '' || rules === null) return true;
      if (own && rel === '.dockerignore') return false;
      // A directory goes only when nothing under it could be let back in by a `!` pattern.
      if ((await lstat(src)).isDirectory()) return rules.hasExclusions || !rules.ignores(rel);
      return !rules.ignores(rel);
    },
  });
}

// Behind a proxy, apt inside the build must trust the proxy's CA: lend the host bundle read-only, outside /etc/ssl,
// and point apt at it with a mounted config file. Nothing of it is committed to the image.
async function proxyMounts(env: Readonly<Record<string, string | undefined>>, work: string): Promise<string[]> {
  const proxy = env.HTTPS_PROXY ?? env.https_proxy ?? env.HTTP_PROXY ?? env.http_proxy;
  if (proxy === undefined || proxy === '') return [];
  const bundle = ['/etc/ssl/certs/ca-certificates.crt', '/etc/pki/tls/certs/ca-bundle.crt'];
  for (const ca of bundle) {
    try {
      await readFile(ca);
    } catch {
      continue;
    }
    const conf = path.join(work, '99whittle-ca');
    await writeFile(conf, 'Acquire::https::CAInfo "/run/whittle-ca/ca.crt";\n');
    return ['-v', `${ca}:/run/whittle-ca/ca.crt:ro`, '-v', `${conf}:/etc/apt/apt.conf.d/99whittle-ca:ro`];
  }
  return [];
}

export async function verifyFix(input: VerifyInput): Promise<VerifyReport> {
  const work = await mkdtemp(path.join(tmpdir(), 'whittle-verify-'));
  const env: NodeJS.ProcessEnv = { ...process.env, ...input.env };
  const id = `${process.pid}-${Date.now()}`;
  const tags: string[] = [];
  const tag = (name: string): string => {
    const t = `localhost/whittle-verify-${name}:${id}`;
    tags.push(t);
    return t;
  };
  const store = input.store;
  let b: Builder | null = null;
  try {
    b = await chooseBuilder(input.builder ?? 'auto', { env, store, work, buildahExtra: await proxyMounts(input.env, work) });
    const builder = b;
    const dockerfile = async (name: string, text: string): Promise<string> => {
      const file = path.join(work, `Dockerfile.${name}`);
      await writeFile(file, text);
      return file;
    };
    const [beforeFile, afterFile] = [await dockerfile('before', input.before), await dockerfile('after', input.after)];
    const [beforeTag, afterTag] = [tag('before'), tag('after')];
    // Timed builds start cold (one store serves both, and `after` must not reuse what `before` built); they still
    // leave their layers for the per-fix builds and the probe.
    // Builds read a copy of the context: the probe edits a file in it, and buildah's COPY cache also keys on file
    // metadata a copy made later could not reproduce, so every build sees this one copy.
    const ctx = path.join(work, 'context');
    await copyContext(input.context, ctx, input.dockerfile ?? null);
    const first = await builder.build(beforeFile, ctx, beforeTag, false);
    if (!first.ok) throw new WhittleError('TOOL', `the Dockerfile does not build before fixing: ${lastLine(first.output)}`);
    const measuring: Measuring = { layout: path.join(work, 'layout'), bytes: new Map() };
    const before = await measure(builder, beforeTag, 'before', first, measuring);
    const second = await builder.build(afterFile, ctx, afterTag, false);
    if (!second.ok) return { builder: builder.name, before, after: null, afterOk: false, afterError: lastLine(second.output), steps: [], probe: null };
    const after = await measure(builder, afterTag, 'after', second, measuring);
    const steps = await measureSteps(builder, input.steps ?? [], before, after, { work, ctx, tag, source: input.before, measuring });
    // Edit one source file (in the copy) and count the steps each build re-runs. Each side sees a different edit,
    // so neither finds the other's probe layers in the cache.
    let probe: VerifyReport['probe'] = null;
    const file = await sourceFile(ctx);
    if (file !== null) {
      const rebuild = async (df: string, t: string): Promise<BuildOutput> => {
        await writeFile(path.join(ctx, file), `${await readFile(path.join(ctx, file), 'utf8')}\n`);
        return builder.build(df, ctx, t, true);
      };
      // New tags: a moved tag would leave the first image behind in an engine, untagged and never removed.
      const reBefore = await rebuild(beforeFile, tag('probe-before'));
      const reAfter = await rebuild(afterFile, tag('probe-after'));
      if (reBefore.ok && reAfter.ok) probe = { file, before: builder.stepsRerun(reBefore.output), after: builder.stepsRerun(reAfter.output) };
    }
    return { builder: builder.name, before, after, afterOk: true, afterError: null, steps, probe };
  } finally {
    // A temporary buildah store goes with `work`; a kept store or an engine keeps images, so drop ours.
    if (b !== null && (b.name !== 'buildah' || store !== undefined)) await b.remove(tags);
    await rm(work, { recursive: true, force: true });
  }
}

export interface StepPlace {
  readonly work: string;
  readonly ctx: string;
  readonly tag: (name: string) => string;
}

// Instructions that write no file: a step that changes only these leaves every layer's content as it was.
const METADATA = new Set(['LABEL', 'MAINTAINER', 'CMD', 'ENTRYPOINT', 'EXPOSE', 'HEALTHCHECK', 'STOPSIGNAL', 'ONBUILD']);

/** The instructions that decide what the layers hold, as written; null when the text does not parse. */
export function filesystemRecipe(text: string): string | null {
  const df = parseDockerfile(text, 'Dockerfile');
  if (!df.ok) return null;
  return df.value.instructions
    .filter((i) => !i.isTrigger && !METADATA.has(i.keyword))
    .map((i) => df.value.source.slice(i.span.start, i.span.end))
    .join('\n');
}

/**
 * Build every intermediate Dockerfile but the last (that is `after`, already measured) and charge each step with
 * the difference from the last step that built. A step that changes only metadata instructions is not built: its
 * layers hold what the previous step's do. With one step there is nothing to split: it gets the totals.
 */
export async function measureSteps(b: Builder, steps: readonly FixStep[], before: BuildMeasure, after: BuildMeasure, at: StepPlace & { readonly source: string; readonly measuring: Measuring }): Promise<StepMeasure[]> {
  const out: StepMeasure[] = [];
  let previous = before;
  // The text of the last step measured (or skipped as equal to it): what a metadata-only step is compared with.
  let previousText = at.source;
  let carried: string[] = [];
  for (const [i, step] of steps.entries()) {
    const rules = [...carried, ...step.rules];
    const recipe = filesystemRecipe(step.text);
    const metadataOnly = i < steps.length - 1 && recipe !== null && recipe === filesystemRecipe(previousText);
    if (metadataOnly) {
      previousText = step.text;
      out.push({ rules, built: false, bytes: previous.bytes, saved: 0, layers: previous.layers, changed: [] });
      carried = [];
      continue;
    }
    let current: BuildMeasure | null = after;
    if (i < steps.length - 1) {
      const file = path.join(at.work, `Dockerfile.step${i + 1}`);
      await writeFile(file, step.text);
      const t = at.tag(`step${i + 1}`);
      const built = await b.build(file, at.ctx, t, true);
      current = built.ok ? await measure(b, t, `step${i + 1}`, built, at.measuring) : null;
    }
    if (current === null) {
      out.push({ rules: step.rules, built: false, bytes: null, saved: null, layers: null, changed: [] });
      carried = rules;
      continue;
    }
    previousText = step.text;
    out.push({ rules, built: true, bytes: current.bytes, saved: previous.bytes - current.bytes, layers: current.layers, changed: changedLayers(previous.perLayer, current.perLayer) });
    previous = current;
    carried = [];
  }
  return out;
}

const mb = (n: number): string => `${(n / 1e6).toFixed(1)} MB`;
/** Decimal units, as image sizes are usually given; small figures stay exact. */
const size = (n: number): string => (n >= 1e6 ? mb(n) : n >= 1e3 ? `${(n / 1e3).toFixed(1)} kB` : `${n} B`);
const signed = (n: number): string => `${n > 0 ? '-' : n < 0 ? '+' : ''}${size(Math.abs(n))}`;

function describeChange(c: LayerChange): string {
  if (c.before !== null && c.after !== null) return `${c.after.by}: ${size(c.before.bytes)} -> ${size(c.after.bytes)}`;
  if (c.before !== null) return `${c.before.by}: ${size(c.before.bytes)} -> gone`;
  return `${c.after?.by ?? ''}: new, ${size(c.after?.bytes ?? 0)}`;
}

export function renderVerify(r: VerifyReport): string {
  const lines = [`verify: builder: ${r.builder}`, `verify: before: ${mb(r.before.bytes)} in ${r.before.layers} layers, built in ${r.before.seconds.toFixed(1)} s`];
  if (r.after === null) {
    lines.push('verify: after: the fixed Dockerfile failed to build');
  } else {
    lines.push(`verify: after:  ${mb(r.after.bytes)} in ${r.after.layers} layers, built in ${r.after.seconds.toFixed(1)} s`);
    const saved = r.before.bytes - r.after.bytes;
    lines.push(`verify: saved:  ${saved} bytes (${mb(saved)}, ${r.before.bytes === 0 ? 0 : ((100 * saved) / r.before.bytes).toFixed(1)}%)`);
  }
  for (const s of r.steps) {
    const who = s.rules.join('+');
    if (s.saved === null) {
      lines.push(`verify: fix ${who}: did not build on its own; counted with the next fix`);
      continue;
    }
    if (!s.built) {
      lines.push(`verify: fix ${who}: changes only metadata instructions: no bytes (not built)`);
      continue;
    }
    lines.push(`verify: fix ${who}: saved ${s.saved} bytes (${signed(s.saved)}), ${s.layers ?? 0} layers`);
    for (const c of s.changed) lines.push(`verify:   ${describeChange(c)}`);
  }
  if (r.probe !== null) lines.push(`verify: after editing ${r.probe.file}: ${r.probe.before} steps re-run before the fix, ${r.probe.after} after`);
  return `${lines.join('\n')}\n`;
}

/** The measurements as JSON (`fix --verify --report FILE`): bytes, layers and seconds as measured, per step too. */
export function verifyJson(r: VerifyReport, file: string): string {
  const side = (m: BuildMeasure): object => ({ bytes: m.bytes, layers: m.layers, buildSeconds: Number(m.seconds.toFixed(3)), perLayer: m.perLayer.map(({ by, bytes }) => ({ createdBy: by, bytes })) });
  return `${JSON.stringify({
    file,
    builder: r.builder,
    before: side(r.before),
    after: r.after === null ? null : side(r.after),
    savedBytes: r.after === null ? null : r.before.bytes - r.after.bytes,
    fixes: r.steps.map((s) => ({
      rules: s.rules,
      built: s.built,
      bytes: s.bytes,
      savedBytes: s.saved,
      layers: s.layers,
      changedLayers: s.changed.map((c) => ({ before: c.before && { createdBy: c.before.by, bytes: c.before.bytes }, after: c.after && { createdBy: c.after.by, bytes: c.after.bytes } })),
    })),
    cacheProbe: r.probe === null ? null : { editedFile: r.probe.file, stepsRerunBefore: r.probe.before, stepsRerunAfter: r.probe.after },
  }, null, 2)}\n`;
}
