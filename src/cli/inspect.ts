// `whittle inspect IMAGE`: the reference, platform, config, history and per-layer figures of an image.
import { redactSecrets } from '../analysis/redact.js';
import { resolve } from 'node:path';
import { WhittleError, err, ok } from '../errors.js';
import type { Result } from '../errors.js';
import { imageFs } from '../image/fs.js';
import type { MergedFs } from '../image/fs.js';
import type { Image } from '../image/model.js';
import { openImage } from '../image/sources/index.js';
import type { OpenImageOptions } from '../image/sources/index.js';
import { imageAndLayersJson } from '../report/image-json.js';
import type { ImageJson, LayerJson } from '../report/image-json.js';
import { formatBytes } from '../report/tty.js';
import type { InspectFormat } from './formats.js';
import { readAll } from './io.js';
import type { Io } from './io.js';

export type InspectLayer = LayerJson;

export interface InspectReport {
  readonly schemaVersion: 1;
  readonly image: ImageJson;
  readonly layers: readonly InspectLayer[];
  readonly config: {
    readonly user: string | null;
    /** Names only: values are often secrets. */
    readonly env: readonly string[];
    readonly entrypoint: readonly string[] | null;
    readonly cmd: readonly string[] | null;
    readonly exposedPorts: readonly string[];
    readonly labels: Readonly<Record<string, string>>;
    readonly healthcheck: { readonly test: readonly string[]; readonly interval: number | null; readonly timeout: number | null; readonly retries: number | null } | null;
    readonly workingDir: string | null;
  };
  readonly history: readonly { readonly created: string | null; readonly createdBy: string | null; readonly comment: string | null; readonly emptyLayer: boolean }[];
}

/** The report for an image whose layers have been merged; pure. */
export function inspectReport(image: Image, fs: MergedFs): InspectReport {
  const { image: imageJson, layers } = imageAndLayersJson(image, fs);
  const c = image.config;
  return {
    schemaVersion: 1,
    image: imageJson,
    layers,
    config: {
      user: c.user,
      env: c.env.map((e) => e.split('=', 1)[0] ?? e),
      entrypoint: c.entrypoint,
      cmd: c.cmd,
      exposedPorts: c.exposedPorts,
      labels: Object.fromEntries(Object.entries(c.labels).map(([k, v]) => [k, redactSecrets(`${k}=${v}`).slice(k.length + 1)])),
      healthcheck: c.healthcheck,
      workingDir: c.workingDir,
    },
    // Build args land in created_by (`|1 NPM_TOKEN=...`): history and labels are masked like every output.
    history: c.history.map((h) => ({ created: h.created, createdBy: h.createdBy === null ? null : redactSecrets(h.createdBy), comment: h.comment, emptyLayer: h.emptyLayer })),
  };
}

/** The registry and platform flags `whittle inspect` shares with the commands that read images. */
export interface ImageFlags {
  readonly platform?: string | undefined;
  readonly username?: string | undefined;
  readonly passwordStdin?: boolean | undefined;
  readonly insecureRegistry?: readonly string[] | undefined;
  readonly caFile?: string | undefined;
}

/**
 * Open options from the command line: the password comes only from stdin (never argv, where `ps` shows it),
 * paths resolve against the command's directory, and WHITTLE_INSECURE_REGISTRIES is read by the source from `env`.
 */
export async function imageOptions(flags: ImageFlags, io: Io): Promise<Result<OpenImageOptions>> {
  if (flags.passwordStdin === true && flags.username === undefined) return err(new WhittleError('USAGE', '--password-stdin needs --username'));
  let password: string | undefined;
  if (flags.username !== undefined) {
    if (flags.passwordStdin !== true) return err(new WhittleError('USAGE', '--username needs --password-stdin (the password is read from stdin)'));
    // As `docker login --password-stdin`: the line ending a piped password is not part of it.
    password = (await readAll(io.stdin)).toString('utf8').replace(/\r?\n$/, '');
    if (password === '') return err(new WhittleError('USAGE', '--password-stdin read an empty password'));
  }
  return ok({
    ...(flags.platform === undefined ? {} : { platform: flags.platform }),
    ...(flags.username === undefined ? {} : { username: flags.username, password: password ?? '' }),
    ...(flags.insecureRegistry === undefined || flags.insecureRegistry.length === 0 ? {} : { insecureRegistries: flags.insecureRegistry }),
    ...(flags.caFile === undefined ? {} : { caFile: resolve(io.cwd, flags.caFile) }),
    env: io.env,
    cwd: io.cwd,
  });
}

/** Opens the image, walks every layer's headers, and builds the report; a failure names its source. */
export async function inspectImage(ref: string, options: OpenImageOptions): Promise<Result<InspectReport>> {
  const image = await openImage(ref, options);
  if (!image.ok) return image;
  try {
    return ok(inspectReport(image.value, await imageFs(image.value)));
  } catch (e) {
    if (e instanceof WhittleError) return err(e.where.ref === undefined ? new WhittleError(e.code, e.message, { ref: image.value.ref, ...e.where }, { cause: e }) : e);
    throw e;
  }
}

// Image metadata is untrusted text: escape sequences in a label must not repaint the user's terminal.
const CONTROL_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

function clean(s: string): string {
  return s.replace(CONTROL_CHARS, '\uFFFD');
}

function shortDigest(d: string): string {
  return d.replace(/^(sha\d+:)([a-f0-9]{12})[a-f0-9]+$/, '$1$2');
}

function list(v: readonly string[] | null): string {
  return v === null ? '-' : JSON.stringify(v);
}

function tty(r: InspectReport): string {
  const c = r.config;
  const lines: string[] = [];
  const row = (k: string, v: string): void => {
    lines.push(`${k.padEnd(12)}${clean(v)}`);
  };
  row('Image', r.image.ref);
  row('Digest', r.image.digest);
  row('Platform', `${r.image.os}/${r.image.architecture}`);
  row('Size', `${formatBytes(r.image.sizeBytes)}${r.image.compressedBytes === null ? '' : ` (${formatBytes(r.image.compressedBytes)} compressed)`} in ${r.image.layerCount} layer${r.image.layerCount === 1 ? '' : 's'}`);
  row('User', c.user ?? '(root)');
  row('Workdir', c.workingDir ?? '-');
  row('Entrypoint', list(c.entrypoint));
  row('Cmd', list(c.cmd));
  row('Env', c.env.length ? c.env.join(', ') : '-');
  row('Ports', c.exposedPorts.length ? c.exposedPorts.join(', ') : '-');
  row('Healthcheck', c.healthcheck === null ? '-' : list(c.healthcheck.test));
  const labels = Object.entries(c.labels);
  row('Labels', labels.length ? '' : '-');
  for (const [k, v] of labels) lines.push(`  ${clean(k)}=${clean(v)}`);
  lines.push('', 'Layers');
  const head = ['#', 'SIZE', 'COMPRESSED', 'FILES', 'DIGEST', 'CREATED BY'];
  const rows = r.layers.map((l) => [
    String(l.index),
    formatBytes(l.sizeBytes),
    l.compressedBytes === null ? '-' : formatBytes(l.compressedBytes),
    String(l.fileCount),
    shortDigest(l.digest),
    clean((l.createdBy ?? '').replace(/\s+/g, ' ').slice(0, 100)),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((x) => (x[i] ?? '').length)));
  for (const x of [head, ...rows]) lines.push(`  ${x.map((cell, i) => (i < x.length - 1 ? cell.padEnd(widths[i] ?? 0) : cell)).join('  ')}`.trimEnd());
  if (r.history.length > 0) {
    lines.push('', 'History');
    let layer = 0;
    for (const h of r.history) {
      const what = h.emptyLayer ? '-' : String(layer++);
      lines.push(`  ${what.padEnd(3)}${clean((h.createdBy ?? '').replace(/\s+/g, ' ').slice(0, 120))}`.trimEnd());
    }
  }
  return `${lines.join('\n')}\n`;
}

export function renderInspect(report: InspectReport, format: InspectFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'tty':
      return tty(report);
  }
}
