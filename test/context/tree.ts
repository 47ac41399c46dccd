// A build context full of awkward names, created on disk for the context tests: symlinks, unicode, spaces,
// regexp characters, deep nesting, hidden files, VCS and dependency directories.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const TREE_FILES: readonly string[] = [
  'a.txt',
  'b.md',
  'README.md',
  'Dockerfile',
  'dir/file.txt',
  'dir/.hidden',
  'dir/sub/deep.txt',
  'dir/sub/deep.md',
  'src/main.go',
  'src/main_test.go',
  'src/pkg/util.go',
  'src/vendor/x.go',
  'node_modules/pkg/index.js',
  'node_modules/.bin/tool',
  '.git/HEAD',
  '.git/objects/ab/cdef',
  'space name/file with space.txt',
  'ünïcødé/日本語.txt',
  'emoji😀.txt',
  'weird[1].txt',
  'star*.txt',
  'q?.txt',
  'back\\slash.txt',
  'dollar$.txt',
  'plus+.txt',
  'paren(1).txt',
  'brace{a}.txt',
  'caret^.txt',
  'pipe|.txt',
  'dot.in.name',
  '-dash.txt',
  '#hash.txt',
  '!bang.txt',
  'deep/a/b/c/d/e/f/g/h/i/j/k.txt',
  'logs/app.log',
  'logs/keep.log',
  'x.log',
  'docs/index.md',
  'docs/img/logo.png',
  'abc/def/ghi.txt',
  '.env',
  '.env.example',
  'build/out.bin',
  'a/b/build/x',
  'c.txt',
];

export const TREE_LINKS: readonly (readonly [string, string])[] = [
  ['link', 'a.txt'],
  ['dirlink', 'dir'],
  ['broken', 'nowhere'],
];

/** Create the tree under `root` (which must exist); file contents are their own names, so sizes differ. */
export function makeTree(root: string, dockerfile = 'FROM scratch\nCOPY . /ctx\n'): void {
  for (const f of TREE_FILES) {
    const abs = path.join(root, f);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, f === 'Dockerfile' ? dockerfile : `${f}\n`);
  }
  mkdirSync(path.join(root, 'empty-dir'), { recursive: true });
  for (const [link, target] of TREE_LINKS) symlinkSync(target, path.join(root, link));
}
