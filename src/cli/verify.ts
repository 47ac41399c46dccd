// `whittle fix --verify`: build the Dockerfile before and after fixing with buildah, read both images with
// whittle's own reader, and measure size, layers, build time and how much a source edit rebuilds.
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { WhittleError } from '../errors.js';
import { openImage } from '../image/sources/index.js';

export interface VerifyInput {
  readonly before: string;
  readonly after: string;
  readonly context: string;
  /** buildah storage root holding the base images; default: a fresh temporary one (bases are pulled). */
  readonly store?: string | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export interface BuildMeasure {
  /** Bytes of file content in all layers (what the layers carry uncompressed, headers aside). */
  readonly bytes: number;
  readonly layers: number;
  readonly seconds: number;
}

export interface VerifyReport {
  readonly before: BuildMeasure;
  readonly after: BuildMeasure | null;
  readonly afterOk: boolean;
  readonly afterError: string | null;
  /** Steps re-run after one source file changes (before, after); null when no source file could be chosen. */
  readonly probe: { readonly file: string; readonly before: number; readonly after: number } | null;
}

interface BuildOutput {
  readonly ok: boolean;
  readonly output: string;
  readonly seconds: number;
}

const SOURCE = /\.(js|mjs|cjs|ts|py|go|rs|java|kt|rb|php|sh|c|cc|cpp|h|html|css)$/;
// Appending a newline would corrupt these.
const ARCHIVE = /\.(tgz|tar|gz|bz2|xz|zst|zip|jar|war|whl|png|jpe?g|gif|so|bin)$/i;
const MANIFEST = /^(package(-lock)?\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|requirements.*\.txt|Pipfile(\.lock)?|pyproject\.toml|poetry\.lock|go\.(mod|sum)|pom\.xml|Gemfile(\.lock)?|Cargo\.(toml|lock)|composer\.(json|lock))$/;

function exec(cmd: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (output += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (output += s));
    child.on('error', (e) => reject(new WhittleError('TOOL', `cannot run ${cmd}: ${e.message}`)));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** The last meaningful line of a tool's output, for one-line errors. */
function lastLine(output: string): string {
  const lines = output.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  return lines.filter((l) => /error/i.test(l)).pop() ?? lines.pop() ?? 'no output';
}

class Buildah {
  constructor(readonly root: string, readonly runroot: string, readonly env: NodeJS.ProcessEnv, readonly extra: readonly string[]) {}

  private args(rest: readonly string[]): string[] {
    return ['--storage-driver', 'vfs', '--root', this.root, '--runroot', this.runroot, ...rest];
  }

  async build(dockerfile: string, context: string, tag: string, cache: boolean): Promise<BuildOutput> {
    const started = process.hrtime.bigint();
    const r = await exec('buildah', this.args(['bud', '--isolation', 'chroot', '--layers', ...(cache ? [] : ['--no-cache']), ...this.extra,
      '-f', dockerfile, '-t', tag, context]), this.env);
    return { ok: r.code === 0, output: r.output, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
  }

  async run(rest: readonly string[]): Promise<string> {
    const r = await exec('buildah', this.args(rest), this.env);
    if (r.code !== 0) throw new WhittleError('TOOL', `buildah ${rest[0] ?? ''} failed: ${lastLine(r.output)}`);
    return r.output;
  }
}

/** Steps of a buildah build that did work (not FROM, not served from the layer cache). */
export function stepsRerun(output: string): number {
  let count = 0;
  let current: string | null = null;
  const settle = (cached: boolean): void => {
    if (current !== null && !cached && !/^FROM\b/i.test(current)) count++;
    current = null;
  };
  for (const line of output.split('\n')) {
    const step = /^STEP \d+\/\d+: (.*)$/.exec(line);
    if (step !== null) {
      settle(false);
      current = step[1] ?? '';
    } else if (line.startsWith('--> Using cache')) settle(true);
  }
  settle(false);
  return count;
}

async function measure(b: Buildah, tag: string, dir: string, built: BuildOutput): Promise<BuildMeasure> {
  await b.run(['push', tag, `oci:${dir}:latest`]);
  const image = await openImage(`oci:${dir}`);
  if (!image.ok) throw image.error;
  let bytes = 0;
  for (const layer of image.value.layers) for await (const e of layer.entries()) bytes += e.size;
  return { bytes, layers: image.value.layers.length, seconds: built.seconds };
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
  const root = input.store ?? path.join(work, 'root');
  const runroot = input.store === undefined ? path.join(work, 'runroot') : `${input.store.replace(/\/+$/, '')}.run`;
  const env: NodeJS.ProcessEnv = { ...process.env, ...input.env };
  const b = new Buildah(root, runroot, env, await proxyMounts(input.env, work));
  const id = `${process.pid}-${Date.now()}`;
  const tags = [`localhost/whittle-verify-before:${id}`, `localhost/whittle-verify-after:${id}`];
  const [beforeTag, afterTag] = tags as [string, string];
  try {
    await writeFile(path.join(work, 'Dockerfile.before'), input.before);
    await writeFile(path.join(work, 'Dockerfile.after'), input.after);
    // Timed builds start cold (one store serves both, and `after` must not reuse what `before` built); they still
    // leave their layers for the probe.
    // Builds read a copy of the context: the probe edits a file in it, and buildah's COPY cache also keys on file
    // metadata a copy made later could not reproduce, so every build sees this one copy.
    const ctx = path.join(work, 'context');
    await cp(input.context, ctx, { recursive: true, preserveTimestamps: true });
    const first = await b.build(path.join(work, 'Dockerfile.before'), ctx, beforeTag, false);
    if (!first.ok) throw new WhittleError('TOOL', `the Dockerfile does not build before fixing: ${lastLine(first.output)}`);
    const before = await measure(b, beforeTag, path.join(work, 'oci-before'), first);
    const second = await b.build(path.join(work, 'Dockerfile.after'), ctx, afterTag, false);
    if (!second.ok) return { before, after: null, afterOk: false, afterError: lastLine(second.output), probe: null };
    const after = await measure(b, afterTag, path.join(work, 'oci-after'), second);
    // Edit one source file (in the copy) and count the steps each build re-runs. Each side sees a different edit,
    // so neither finds the other's probe layers in the cache.
    let probe: VerifyReport['probe'] = null;
    const file = await sourceFile(ctx);
    if (file !== null) {
      const rebuild = async (side: 'before' | 'after', tag: string): Promise<BuildOutput> => {
        await writeFile(path.join(ctx, file), `${await readFile(path.join(ctx, file), 'utf8')}\n`);
        return b.build(path.join(work, `Dockerfile.${side}`), ctx, tag, true);
      };
      const reBefore = await rebuild('before', beforeTag);
      const reAfter = await rebuild('after', afterTag);
      if (reBefore.ok && reAfter.ok) probe = { file, before: stepsRerun(reBefore.output), after: stepsRerun(reAfter.output) };
    }
    return { before, after, afterOk: true, afterError: null, probe };
  } finally {
    if (input.store !== undefined) await b.run(['rmi', '-f', ...tags]).catch(() => undefined);
    await rm(work, { recursive: true, force: true });
  }
}

const mb = (n: number): string => `${(n / 1e6).toFixed(1)} MB`;

export function renderVerify(r: VerifyReport): string {
  const lines = [`verify: before: ${mb(r.before.bytes)} in ${r.before.layers} layers, built in ${r.before.seconds.toFixed(1)} s`];
  if (r.after === null) {
    lines.push('verify: after: the fixed Dockerfile failed to build');
  } else {
    lines.push(`verify: after:  ${mb(r.after.bytes)} in ${r.after.layers} layers, built in ${r.after.seconds.toFixed(1)} s`);
    const saved = r.before.bytes - r.after.bytes;
    lines.push(`verify: saved:  ${saved} bytes (${mb(saved)}, ${r.before.bytes === 0 ? 0 : ((100 * saved) / r.before.bytes).toFixed(1)}%)`);
  }
  if (r.probe !== null) lines.push(`verify: after editing ${r.probe.file}: ${r.probe.before} steps re-run before the fix, ${r.probe.after} after`);
  return `${lines.join('\n')}\n`;
}
