// The per-fix accounting of `fix --verify` against a builder double that "builds" each Dockerfile text into a
// synthetic OCI image (read back with whittle's own reader): failed steps carry over, metadata-only steps are not built.
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Image } from '../image/model.js';
import { openImage } from '../image/sources/index.js';
import { buildImage, tempDir, writeOciLayout } from '../../test/fixtures/synthetic.js';
import type { Builder, BuildOutput } from './builders.js';
import type { Measuring } from './verify.js';
import { measure, measureSteps } from './verify.js';

const { dir, cleanup } = await tempDir('whittle-verify-unit-');
after(cleanup);

const base = { files: { 'bin/sh': 'x'.repeat(1000) }, createdBy: 'base' };
const run = (cmd: string, bytes: number): { files: Record<string, string>; createdBy: string } => ({ files: { [`out/${cmd}`]: 'y'.repeat(bytes) }, createdBy: `/bin/sh -c ${cmd}` });

// What each Dockerfile text builds to; a text missing here fails to build.
const IMAGES: Readonly<Record<string, readonly { files: Record<string, string>; createdBy: string }[]>> = {
  'FROM b\nRUN x\n': [base, run('x', 500)],
  'FROM b\nRUN x1\n': [base, run('x1', 300)],
  'FROM b\nRUN x1\nRUN y\nCMD z\n': [base, run('x1', 300), run('y', 50)],
  'FROM b\nRUN x1\nRUN y\nCMD w\nLABEL a=b\n': [base, run('x1', 300), run('y', 50)],
};

class TextBuilder implements Builder {
  readonly name = 'test';
  readonly built: string[] = [];
  private readonly images = new Map<string, string>();

  async build(dockerfile: string, _context: string, tag: string): Promise<BuildOutput> {
    const text = await readFile(dockerfile, 'utf8');
    this.built.push(text);
    const layers = IMAGES[text];
    if (layers === undefined) return { ok: false, output: 'error: no such image', seconds: 0 };
    const layout = join(dir, `img-${this.images.size}`);
    await writeOciLayout(layout, [{ image: await buildImage({ layers }) }]);
    this.images.set(tag, layout);
    return { ok: true, output: '', seconds: 0 };
  }

  async open(tag: string): Promise<Image> {
    const image = await openImage(`oci:${this.images.get(tag) ?? ''}`);
    if (!image.ok) throw image.error;
    return image.value;
  }

  async remove(): Promise<void> {}

  stepsRerun(): number {
    return 0;
  }
}

test('per-fix steps: savings from the last step that built, a failed step carried into the next, metadata-only steps not built', async () => {
  const b = new TextBuilder();
  const measuring: Measuring = { layout: join(dir, 'layout'), bytes: new Map() };
  const file = async (name: string, text: string): Promise<string> => {
    const p = join(dir, name);
    await writeFile(p, text);
    return p;
  };
  const measured = async (name: string, text: string): Promise<Awaited<ReturnType<typeof measure>>> => {
    const built = await b.build(await file(name, text), dir, name);
    return measure(b, name, name, built, measuring);
  };
  const source = 'FROM b\nRUN x\n';
  const last = 'FROM b\nRUN x1\nRUN y\nCMD w\nLABEL a=b\n';
  const before = await measured('before', source);
  const afterImage = await measured('after', last);
  b.built.length = 0;
  const steps = [
    { rules: ['R1'], text: 'FROM b\nRUN x1\n' },
    { rules: ['R2'], text: 'FROM b\nRUN x1\nRUN y\n' },
    { rules: ['R3'], text: 'FROM b\nRUN x1\nRUN y\nCMD z\n' },
    { rules: ['R4'], text: 'FROM b\nRUN x1\nRUN y\nCMD w\n' },
    { rules: ['R5'], text: last },
  ];
  const out = await measureSteps(b, steps, before, afterImage, { work: dir, ctx: dir, tag: (n) => n, source, measuring });
  assert.deepEqual(out.map((s) => [s.rules, s.built, s.saved]), [
    [['R1'], true, 200],
    // R2's Dockerfile does not build: no figure of its own...
    [['R2'], false, null],
    // ...its change is in R3's step, measured against R1's image.
    [['R2', 'R3'], true, -50],
    // CMD only: not built, nothing saved.
    [['R4'], false, 0],
    // The last step is `after`, measured already; LABEL only, so the same bytes.
    [['R5'], true, 0],
  ]);
  // Built: R1, R2 (failed) and R3; R4 was skipped and R5 is `after`.
  assert.deepEqual(b.built, [steps[0]?.text, steps[1]?.text, steps[2]?.text]);
  assert.deepEqual(out[0]?.changed, [{ before: { by: 'x', bytes: 500 }, after: { by: 'x1', bytes: 300 } }]);
  assert.deepEqual(out[2]?.changed, [{ before: null, after: { by: 'y', bytes: 50 } }]);
  assert.equal(out.reduce((n, s) => n + (s.saved ?? 0), 0), before.bytes - afterImage.bytes);
});
