// The examples/node-app pair built for real with buildah and analysed: the sloppy image shows its apt lists and
// caches with their bytes, the tidy one none; and the podman socket reads the sloppy image as its OCI layout does.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { after, test } from 'node:test';
import { runCli } from '../cli/helpers.js';
import { storeWithBases, vfs } from '../fixtures/bases.js';
import { requireTools, run, startPodman } from '../fixtures/registry.js';

const CONTEXT = new URL('../../examples/node-app', import.meta.url).pathname;
const DOCKERFILES = {
  sloppy: new URL('../fixtures/verify/node-app.Dockerfile', import.meta.url).pathname,
  tidy: new URL('../fixtures/verify/node-app.tidy.Dockerfile', import.meta.url).pathname,
} as const;
type Variant = keyof typeof DOCKERFILES;

const dir = await mkdtemp(join(tmpdir(), 'whittle-examples-analyze-'));
after(() => rm(dir, { recursive: true, force: true }));

interface Finding {
  readonly rule: string;
  readonly message: string;
  readonly path?: string | null;
  readonly bytes?: number;
}
interface Analysis {
  readonly diveCompat: Record<string, unknown>;
  readonly reclaimable: Record<string, unknown>;
  readonly findings: readonly Finding[];
}

let store: Promise<void> | null = null;
const built = new Map<Variant, Promise<string>>();

// One store and one build per variant for the file; the bases themselves are made once per machine (cached).
async function image(t: TestContext, variant: Variant): Promise<string | null> {
  if (!(await requireTools(t, 'buildah', 'podman', 'debootstrap', 'dpkg-deb', 'apt-get', 'tar'))) return null;
  store ??= storeWithBases(dir, ['node', 'nodeDebian']).then(() => undefined);
  let ready = built.get(variant);
  if (ready === undefined) {
    ready = store.then(async () => {
      const tag = `localhost/whittle-example-${variant}:1`;
      // Docker's image format, as `docker build` makes: an OCI config has no HEALTHCHECK field, so buildah would drop it.
      await run('buildah', [...vfs(dir), 'bud', '--format', 'docker', '--isolation', 'chroot', '--layers', '-f', DOCKERFILES[variant], '-t', tag, CONTEXT]);
      await run('buildah', [...vfs(dir), 'push', tag, `oci:${join(dir, `${variant}.oci`)}`]);
      await run('buildah', [...vfs(dir), 'push', tag, `docker-archive:${join(dir, `${variant}.tar`)}:${tag}`]);
      return tag;
    });
    built.set(variant, ready);
  }
  return ready;
}

async function analyze(ref: string, env: Record<string, string | undefined> = {}): Promise<Analysis> {
  const r = await runCli(['analyze', '--format', 'json', ref], { cwd: dir, env: { PATH: process.env.PATH, ...env } });
  assert.equal(r.exit, 0, r.stderr);
  return JSON.parse(r.stdout) as Analysis;
}

// The sloppy layout is read once, for its findings and as the engine test's yardstick.
let sloppyOci: Promise<Analysis> | null = null;
const analyzeSloppyOci = (): Promise<Analysis> => (sloppyOci ??= analyze(`oci:${join(dir, 'sloppy.oci')}`));

const APT_LISTS = /apt package lists: .* in \/var\/lib\/apt\/lists/;
const APT_CACHE = /apt package cache: .* in \/var\/cache\/apt/;

test('the sloppy example: its apt lists and apt cache are reported with their bytes', async (t) => {
  if ((await image(t, 'sloppy')) === null) return;
  const a = await analyzeSloppyOci();
  const caches = a.findings.filter((f) => f.rule === 'WH600');
  t.diagnostic(JSON.stringify(caches));
  for (const what of [APT_LISTS, APT_CACHE]) {
    const f = caches.find((x) => what.test(x.message));
    assert.ok(f !== undefined, `no WH600 finding matching ${what}: ${JSON.stringify(caches)}`);
    assert.ok((f.bytes ?? 0) > 0, JSON.stringify(f));
  }
  // `apt-get update` in its own layer: a megabyte or more of lists, and still there in the final image.
  assert.ok((caches.find((x) => APT_LISTS.test(x.message))?.bytes ?? 0) > 1_000_000);
});

test('the tidy example: no package cache, lists, logs or temporary files; a non-root user', async (t) => {
  if ((await image(t, 'tidy')) === null) return;
  const a = await analyze(`docker-archive:${join(dir, 'tidy.tar')}`);
  t.diagnostic(JSON.stringify(a.findings.map((f) => [f.rule, f.message])));
  assert.deepEqual(a.findings.filter((f) => ['WH600', 'WH606', 'WH608', 'WH609', 'WH611'].includes(f.rule)), []);
  assert.ok(!a.findings.some((f) => /apt|npm cache/.test(f.message)), JSON.stringify(a.findings));
  // USER 1000:1000 and the HEALTHCHECK are in the (Docker-format) config.
  assert.deepEqual(a.findings.filter((f) => f.rule === 'WH640' || f.rule === 'WH641'), []);
});

test('the sloppy example loaded into podman: engine: gives the figures its OCI layout gives', async (t) => {
  const tag = await image(t, 'sloppy');
  if (tag === null) return;
  const archive = join(dir, 'sloppy.tar');
  // podman refuses a runroot path longer than 50 characters.
  const short = await mkdtemp(join(tmpdir(), 'wh-podman-'));
  t.after(() => rm(short, { recursive: true, force: true }));
  const podman = await startPodman(short);
  t.after(() => podman.stop());
  await run('podman', [...podman.storage, 'load', '-i', archive]);
  await rm(archive);
  const engine = await analyze(`engine:${tag}`, { DOCKER_HOST: `unix://${podman.socket}` });
  const oci = await analyzeSloppyOci();
  assert.deepEqual(engine.diveCompat, oci.diveCompat);
  assert.deepEqual(engine.reclaimable, oci.reclaimable);
  assert.ok(engine.findings.some((f) => f.rule === 'WH600' && APT_LISTS.test(f.message)));
});
