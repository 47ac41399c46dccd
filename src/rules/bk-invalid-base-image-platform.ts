// InvalidBaseImagePlatform (BuildKit): the base image read has another OS or architecture than the build targets.
import { expandWord, globalScope, parentStage } from './buildkit-words.js';
import type { Finding, Rule } from './rule.js';
import { findingAt } from './rule.js';

const ARCH_ALIASES: Readonly<Record<string, string>> = { x86_64: 'amd64', 'x86-64': 'amd64', aarch64: 'arm64', armhf: 'arm', i386: '386' };

// containerd's Normalize, as far as the message shows it: arch aliases, arm64's implied v8, arm's implied v7.
function normalize(platform: string): { os: string; arch: string; text: string } {
  const [os = '', rawArch = '', rawVariant = ''] = platform.toLowerCase().split('/');
  const arch = ARCH_ALIASES[rawArch] ?? rawArch;
  let variant = rawVariant;
  if (arch === 'arm64' && variant === 'v8') variant = '';
  if (arch === 'arm' && variant === '') variant = 'v7';
  return { os, arch, text: [os, arch, ...(variant ? [variant] : [])].join('/') };
}

export const invalidBaseImagePlatform: Rule = {
  id: 'InvalidBaseImagePlatform',
  title: 'Base image platform does not match expected target platform',
  category: 'correctness',
  severity: 'warning',
  origin: 'buildkit',
  fixable: false,
  check(df, ctx) {
    const platforms = ctx.basePlatforms ?? {};
    const scope = globalScope(df, ctx);
    const escape = df.directives.escape;
    const out: Finding[] = [];
    for (const stage of df.stages) {
      const from = stage.from.from;
      const image = expandWord(from?.image ?? '', scope.env, escape);
      if (image.error !== null || image.result === 'scratch' || parentStage(df, stage, image.result) !== null) continue;
      const actual = platforms[image.result];
      if (actual == null) continue;
      const wanted = from?.platform != null ? expandWord(from.platform, scope.env, escape) : null;
      // Predefined platform ARGs only stand for the real platform when the CLI knows it.
      if (wanted !== null && wanted.matched.length > 0 && ctx.targetPlatform == null) continue;
      const expected = wanted !== null && wanted.error === null && wanted.result !== '' ? wanted.result : (ctx.targetPlatform ?? null);
      if (expected === null) continue;
      const a = normalize(actual);
      const e = normalize(expected);
      if (a.os === e.os && a.arch === e.arch) continue;
      out.push(findingAt(invalidBaseImagePlatform, stage.from, `Base image ${image.result} was pulled with platform "${a.text}", expected "${e.text}" for current build`));
    }
    return out;
  },
};
