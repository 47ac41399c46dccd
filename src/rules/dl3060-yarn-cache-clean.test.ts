// DL3060 cases: hadolint's spec, its onBuildRuleCatches variants with each RUN wrapped in ONBUILD, and our own.
import { dl3060 } from './dl3060-yarn-cache-clean.js';
import { runRuleTests } from './testing.js';

runRuleTests(dl3060, {
  invalid: [
    { code: 'RUN yarn install foo', findings: [{ line: 1, message: 'yarn cache clean' }], output: 'RUN yarn install foo \\\n    && yarn cache clean',
      name: 'hadolint: not ok with no cache clean' },
    { code: 'ONBUILD RUN yarn install foo', findings: [{ line: 1 }], name: 'hadolint: not ok with no cache clean (ONBUILD)' },
    { code: 'RUN yarn cache clean && yarn install foo', findings: [{ line: 1 }], output: null, name: 'hadolint: not ok with clean before install' },
    { code: 'RUN --mount=type=cache,target=/var/lib/foobar yarn install foobar', findings: [{ line: 1 }],
      name: 'hadolint: not ok when cache mount is in wrong location' },
    { code: 'ONBUILD RUN --mount=type=cache,target=/var/lib/foobar yarn install foobar', findings: [{ line: 1 }],
      name: 'hadolint: not ok when cache mount is in wrong location (ONBUILD)' },
    { code: 'RUN --mount=type=tmpfs,target=/var/lib/foobar yarn install foobar', findings: [{ line: 1 }],
      name: 'hadolint: not ok when tmpfs mount is in wrong location' },
    { code: 'ONBUILD RUN --mount=type=tmpfs,target=/var/lib/foobar yarn install foobar', findings: [{ line: 1 }],
      name: 'hadolint: not ok when tmpfs mount is in wrong location (ONBUILD)' },
    { code: 'FROM node:lts-alpine as foo\nRUN hey!\nFROM scratch\nRUN yarn install\n', findings: [{ line: 4 }],
      name: 'hadolint: not ok when yarn install is in last stage w/o yarn clean' },
    { code: 'FROM node:lts-alpine as foo\nONBUILD RUN hey!\nFROM scratch\nONBUILD RUN yarn install\n', findings: [{ line: 4 }],
      name: 'hadolint: not ok when yarn install is in last stage w/o yarn clean (ONBUILD)' },
    { code: 'FROM node:lts-alpine as foo\nRUN yarn install\nFROM foo\nRUN hey!\n', findings: [{ line: 2 }],
      name: 'hadolint: not ok when inheriting from stage with yarn install w/o yarn clean' },
    { code: 'FROM node:lts-alpine as foo\nONBUILD RUN yarn install\nFROM foo\nONBUILD RUN hey!\n', findings: [{ line: 2 }],
      name: 'hadolint: not ok when inheriting from stage with yarn install w/o yarn clean (ONBUILD)' },
    { code: 'FROM node:lts-alpine as foo\nONBUILD RUN yarn install foo\nFROM scratch\nONBUILD RUN hey!\n', findings: [{ line: 2 }],
      name: 'hadolint: ok when omitting yarn cache clean in stage that is not reused later (ONBUILD: caught)' },
  ],
  valid: [
    { code: 'RUN foo', name: 'hadolint: ok with non-yarn commands' },
    { code: 'ONBUILD RUN foo', name: 'hadolint: ok with non-yarn commands (ONBUILD)' },
    { code: 'RUN yarn install bar && yarn cache clean', name: 'hadolint: ok with cache clean' },
    { code: 'ONBUILD RUN yarn install bar && yarn cache clean', name: 'hadolint: ok with cache clean (ONBUILD)' },
    { code: 'RUN --mount=type=cache,target=/root/.cache/yarn yarn install foobar', name: 'hadolint: ok when cache mount is used' },
    { code: 'ONBUILD RUN --mount=type=cache,target=/root/.cache/yarn yarn install foobar', name: 'hadolint: ok when cache mount is used (ONBUILD)' },
    { code: 'RUN --mount=type=tmpfs,target=/root/.cache/yarn yarn install foobar', name: 'hadolint: ok when tmpfs mount is used' },
    { code: 'ONBUILD RUN --mount=type=tmpfs,target=/root/.cache/yarn yarn install foobar', name: 'hadolint: ok when tmpfs mount is used (ONBUILD)' },
    { code: 'FROM node:lts-alpine as foo\nRUN yarn install && yarn cache clean\nFROM foo\nRUN hey!\n',
      name: 'hadolint: ok when inheriting from stage with yarn cache clear' },
    { code: 'FROM node:lts-alpine as foo\nONBUILD RUN yarn install && yarn cache clean\nFROM foo\nONBUILD RUN hey!\n',
      name: 'hadolint: ok when inheriting from stage with yarn cache clear (ONBUILD)' },
    { code: 'FROM node:lts-alpine as foo\nRUN yarn install foo\nFROM scratch\nRUN hey!\n',
      name: 'hadolint: ok when omitting yarn cache clean in stage that is not reused later' },
    // disagrees with hadolint: it reports line 2, taking the first stage for the final one because both FROM lines are equal.
    { code: 'FROM node:20\nRUN yarn install\nFROM node:20\nRUN echo done', name: 'an earlier stage with the same FROM line is not the final stage' },
  ],
});
