// WH203: with docker/dockerfile:1.4+, `COPY --link` layers do not depend on the layers below, so a base change does not invalidate them.
import { instructions } from './helpers.js';
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';
import { dockerfileFrontend } from './wh204-buildkit-features-without-syntax.js';

export const wh203: Rule = {
  id: 'WH203',
  title: 'Consider COPY --link',
  category: 'cache',
  severity: 'info',
  origin: 'whittle',
  fixable: false,
  check(df) {
    const frontend = dockerfileFrontend(df);
    if (frontend === null || frontend.major < 1 || (frontend.major === 1 && frontend.minor < 4)) return [];
    return instructions(df)
      .filter((ins) => (ins.keyword === 'COPY' || ins.keyword === 'ADD') && !ins.copy?.link)
      .map((ins) => findingAt(wh203, ins, `${ins.keyword} without --link: with \`${ins.keyword} --link\` the layer is built independently ` +
        'of the ones below it, so a new base image reuses it (and can rebase it without a rebuild)',
      { cacheImpact: 'every change to an earlier layer rebuilds this copy' }));
  },
};
