// WH108: a full base image where the same image has a documented slim variant: the difference ships for nothing.
import type { FromDetails } from '../dockerfile/model.js';
import { shippedStages } from './helpers.js';
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';
import type { BaseImageSize } from './size-estimates.js';
import { BASE_IMAGES, formatEstimate } from './size-estimates.js';
import { officialName, shippedBuildStep } from './wh107-sdk-base-in-final-stage.js';

const LEAN_TAG = /slim|alpine|windowsservercore|nanoserver|backports|jre/;
const CODENAME = /-(bookworm|bullseye|buster|trixie)$/;

interface Suggestion {
  readonly image: string;
  readonly size: BaseImageSize;
}

// Each image family spells its slim tags its own way (node:20-bookworm-slim, python:3.12-slim-bookworm).
function leaner(from: FromDetails): Suggestion | null {
  const name = officialName(from);
  const tag = from.tag ?? 'latest';
  if (name === null || LEAN_TAG.test(tag) || from.digest !== null) return null;
  const slimFirst = (t: string): string => (t === 'latest' ? 'slim' : CODENAME.test(t) ? t.replace(CODENAME, '-slim-$1') : `${t}-slim`);
  switch (name) {
    case 'debian': return { image: `debian:${tag === 'latest' ? 'stable' : tag}-slim`, size: BASE_IMAGES.debian };
    case 'node': return { image: `node:${tag === 'latest' ? 'slim' : `${tag}-slim`}`, size: BASE_IMAGES.node };
    case 'python': return { image: `python:${slimFirst(tag)}`, size: BASE_IMAGES.python };
    case 'ruby': return { image: `ruby:${slimFirst(tag)}`, size: BASE_IMAGES.ruby };
    case 'openjdk': return { image: `eclipse-temurin:${/^\d+/.exec(tag)?.[0] ?? '21'}-jre`, size: BASE_IMAGES.openjdk };
    default: return null;
  }
}

export const wh108: Rule = {
  id: 'WH108',
  title: 'Use the slim variant of the base image',
  category: 'size',
  severity: 'info',
  origin: 'whittle',
  fixable: false,
  check(df) {
    const root = shippedStages(df)[0]?.from;
    const better = root?.from ? leaner(root.from) : null;
    // A final stage that also compiles is WH107's case: the answer there is a builder stage, not a slimmer SDK.
    if (root === undefined || better === null || shippedBuildStep(df) !== null) return [];
    const bytes = better.size.full - better.size.lean;
    return [findingAt(wh108, root, `\`${root.from?.image ?? ''}\` is the full image; \`${better.image}\` is its documented slim variant ` +
      `(est. ${formatEstimate(bytes)} smaller: ${better.size.basis})`, { bytes })];
  },
};
