// WH304: an image whose Dockerfile never says USER runs its process as root, unless the base chose otherwise.
import type { Dockerfile, Instruction, Stage } from '../dockerfile/model.js';
import { shippedStages } from './helpers.js';
import type { Rule, TextEdit } from './rule.js';
import { findingAt } from './rule.js';
import { resolvedImage } from './wh303-base-not-pinned.js';

interface KnownBase {
  readonly test: RegExp;
  readonly why: string;
}

// Bases documented to default to a non-root user. `-dev` Chainguard variants and bitnami/minideb run as root.
const NON_ROOT_BASES: readonly KnownBase[] = [
  { test: /:(?:[\w.-]*-)?nonroot$/, why: 'a :nonroot tag' },
  { test: /^(?:cgr\.dev\/chainguard|chainguard)\/[^:@]+(?::(?![\w.-]*dev)[\w.-]+)?(?:@.*)?$/, why: 'a Chainguard image' },
  { test: /(?:-unprivileged|rootless)(?::|@|$)/, why: 'an unprivileged/rootless variant' },
  { test: /^(?:docker\.io\/)?bitnami\/(?!minideb)/, why: 'a Bitnami image (non-root by default)' },
  { test: /^mcr\.microsoft\.com\/windows\/nanoserver/, why: 'Nano Server (ContainerUser by default)' },
];

function setsUser(stage: Stage): boolean {
  return stage.instructions.some((i) => i.keyword === 'USER');
}

// Official images built on Debian/Ubuntu or another glibc distro with shadow's useradd; -alpine tags are caught first.
const GLIBC_IMAGES = new Set([
  'debian', 'ubuntu', 'node', 'python', 'ruby', 'golang', 'rust', 'php', 'perl', 'openjdk', 'eclipse-temurin',
  'maven', 'gradle', 'buildpack-deps', 'fedora', 'centos', 'rockylinux', 'almalinux',
]);

/**
 * The lines that make the final stage non-root, fitted to its base. USER is always numeric (distroless's nonroot
 * 65532) so that Kubernetes' runAsNonRoot can verify it and DL3066 stays quiet; bases with a known user tool also get
 * a matching named user, so that tools which look the uid up find it. A bare numeric USER needs no /etc/passwd entry
 * and no shell, so it is all that bases which may lack either get (scratch, distroless, Chainguard, anything unknown).
 * Windows bases get nothing: their users are not uids.
 */
function userLines(base: string, stage: Stage): string[] | null {
  const image = base.toLowerCase();
  const name = (image.split('@')[0] ?? image).replace(/:[^/]*$/, '').replace(/^(?:docker\.io\/)?(?:library\/)?/, '');
  if (/windows|servercore|nanoserver/.test(image)) return null;
  const numeric = ['USER 65532:65532'];
  const posixShell = /(?:^|\/)(?:ba|da|a)?sh$/.test(stage.shell[0] ?? '');
  if (!posixShell || image === 'scratch' || image.includes('$') || /distroless|chainguard/.test(name)) return numeric;
  if (/alpine|busybox/.test(image)) return ['RUN addgroup -S -g 65532 app && adduser -S -u 65532 -G app app', 'USER 65532:65532'];
  if (GLIBC_IMAGES.has(name)) return ['RUN groupadd -r -g 65532 app && useradd -r -u 65532 -g app app', 'USER 65532:65532'];
  return numeric;
}

const TRAILING = new Set(['CMD', 'ENTRYPOINT', 'HEALTHCHECK']);

/** Where the lines go: before the CMD/ENTRYPOINT/HEALTHCHECK run that ends the stage (and the comments just above it), else after its last instruction. */
function userFix(df: Dockerfile, stage: Stage, lines: readonly string[]): TextEdit {
  const eol = df.source.includes('\r\n') ? '\r\n' : '\n';
  const lower = stage.from.rawKeyword === stage.from.rawKeyword.toLowerCase();
  const text = lines.map((l) => (lower ? l.replace(/^\w+/, (k) => k.toLowerCase()) : l));
  const all: readonly Instruction[] = [stage.from, ...stage.instructions];
  let first = all.length;
  while (first > 1 && TRAILING.has(all[first - 1]?.keyword ?? '')) first--;
  const before = all[first];
  if (before === undefined) {
    const end = all[all.length - 1]?.span.end ?? df.source.length;
    return { start: end, end, text: text.map((l) => `${eol}${l}`).join('') };
  }
  let line = before.span.line;
  const comments = new Set(df.comments.map((c) => c.line));
  while (comments.has(line - 1) && line - 1 > (all[first - 1]?.span.endLine ?? 0)) line--;
  const start = lineStart(df.source, line);
  return { start, end: start, text: text.map((l) => `${l}${eol}`).join('') };
}

function lineStart(source: string, line: number): number {
  let at = 0;
  for (let n = 1; n < line; n++) at = source.indexOf('\n', at) + 1;
  return at;
}

export const wh304: Rule = {
  id: 'WH304',
  title: 'Set a non-root USER in the final stage',
  category: 'security',
  severity: 'warning',
  origin: 'whittle',
  fixable: true,
  check(df, ctx) {
    const chain = shippedStages(df);
    const final = chain[chain.length - 1];
    const root = chain[0];
    if (final === undefined || root === undefined || chain.some(setsUser)) return [];
    const base = resolvedImage(df, root, ctx);
    const known = NON_ROOT_BASES.find((b) => b.test.test(base.split('@')[0] ?? base));
    if (known !== undefined) return [];
    const stages = chain.length > 1 ? 'the final stage and the stages it builds on never set USER' : 'the final stage never sets USER';
    const decided = base.toLowerCase() === 'scratch'
      ? 'FROM scratch has no users at all'
      : base.includes('$')
        ? `its base ${base} is only known at build time`
        : `its base ${base} is not a known non-root image`;
    const lines = userLines(base, final);
    const fix = lines === null ? {} : { fix: [userFix(df, final, lines)] };
    return [
      findingAt(wh304, final.from, `${stages} and ${decided}, so the container runs as root: add \`USER <name or uid>\``, fix),
    ];
  },
};
