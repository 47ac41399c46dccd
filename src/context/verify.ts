// `whittle context --verify`: build with buildah under a throw-away storage root and read the image back with
// whittle's own reader, so the suggested `.dockerignore` is proven by a real build, not argued.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { WhittleError, err, ok } from '../errors.js';
import type { Result } from '../errors.js';
import { imageFs } from '../image/fs.js';
import { openImage } from '../image/sources/index.js';

export interface BuildOutcome {
  /** Whether buildah built the Dockerfile. */
  readonly ok: boolean;
  readonly seconds: number;
  /** Sum of the layers' tar-header sizes, read from the pushed OCI layout; null when the build failed. */
  readonly imageBytes: number | null;
  /** The last lines buildah printed when it failed. */
  readonly error: string | null;
}

export interface BuildRequest {
  readonly contextDir: string;
  readonly dockerfile: string;
  /** The ignore file's text, or null to let buildah find its own. */
  readonly ignoreText: string | null;
  /** A buildah storage root holding base images; its layer cache is not used, so both builds start cold. */
  readonly store?: string | undefined;
}

interface Exec {
  readonly code: number | null;
  readonly output: string;
}

function exec(cmd: string, args: readonly string[]): Promise<Exec> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (s: string): void => {
      // Only the tail matters for an error message; a long build log must not grow without bound.
      output = (output + s).slice(-8192);
    };
    child.stdout.setEncoding('utf8').on('data', keep);
    child.stderr.setEncoding('utf8').on('data', keep);
    child.on('error', (e) => resolve({ code: null, output: e.message }));
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** The storage flags that keep buildah inside `dir`: nothing global (images, cache, locks) is touched. */
export function storageArgs(dir: string, store?: string): string[] {
  return ['--root', store ?? path.join(dir, 'root'), '--runroot', path.join(dir, 'run'), '--storage-driver', 'vfs'];
}

/** `buildah bud` arguments for a rootless-friendly, cache-enabled build of one Dockerfile. */
export function budArgs(dir: string, req: BuildRequest, ignoreFile: string | null, tag: string): string[] {
  return [
    ...storageArgs(dir, req.store),
    'bud',
    '--isolation',
    'chroot',
    '--layers',
    ...(req.store === undefined ? [] : ['--no-cache']),
    ...(ignoreFile === null ? [] : ['--ignorefile', ignoreFile]),
    '-f',
    req.dockerfile,
    '-t',
    tag,
    req.contextDir,
  ];
}

/** Build once in a fresh storage root (no cache shared between runs, so times compare), push to an OCI dir, measure. */
export async function buildOnce(req: BuildRequest, buildah = 'buildah'): Promise<Result<BuildOutcome>> {
  const dir = await mkdtemp(path.join(tmpdir(), 'whittle-verify-'));
  try {
    let ignoreFile: string | null = null;
    if (req.ignoreText !== null) {
      ignoreFile = path.join(dir, 'dockerignore');
      await writeFile(ignoreFile, req.ignoreText);
    }
    const tag = `localhost/whittle-verify-${path.basename(dir).toLowerCase()}:latest`;
    const started = performance.now();
    const built = await exec(buildah, budArgs(dir, req, ignoreFile, tag));
    const seconds = (performance.now() - started) / 1000;
    if (built.code === null) return err(new WhittleError('TOOL', `cannot run buildah: ${built.output}`));
    if (built.code !== 0) {
      const tail = built.output.trim().split('\n').slice(-3).join(' | ');
      return ok({ ok: false, seconds, imageBytes: null, error: tail });
    }
    const layout = path.join(dir, 'image');
    const pushed = await exec(buildah, [...storageArgs(dir, req.store), 'push', tag, `oci:${layout}`]);
    // A shared store keeps its base images but not our tag.
    if (req.store !== undefined) await exec(buildah, [...storageArgs(dir, req.store), 'rmi', tag]);
    if (pushed.code !== 0) return err(new WhittleError('TOOL', `buildah push failed: ${pushed.output.trim().split('\n').pop() ?? ''}`));
    const image = await openImage(`oci:${layout}`);
    if (!image.ok) return image;
    const fs = await imageFs(image.value);
    return ok({ ok: true, seconds, imageBytes: fs.layers.reduce((n, l) => n + l.sizeBytes, 0), error: null });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
