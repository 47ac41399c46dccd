// WH101 cases: gem docs and gem caches left in shipped layers.
import { runRuleTests } from './testing.js';
import { wh101 } from './wh101-gem-docs-and-cache.js';

runRuleTests(wh101, {
  invalid: [
    { code: 'FROM ruby:3.3-slim\nRUN gem install rails', findings: [{ line: 2, message: '--no-document' }] },
    { code: 'FROM ruby:3.3-slim\nRUN gem install --no-document rails', findings: [{ line: 2, message: '.gem archives' }] },
    { code: 'FROM ruby:3.3-slim\nRUN gem install rails && rm -rf /usr/local/bundle/cache', findings: [{ line: 2, message: 'rdoc' }] },
    { code: 'FROM ruby:3.3-slim\nRUN bundle install --jobs 4', findings: [{ line: 2, message: 'GEM_HOME' }] },
    { code: 'FROM ruby:3.3-slim\nRUN bundle', findings: [{ line: 2 }], name: 'bare bundle installs' },
    { code: 'FROM ruby:3.3-slim\nONBUILD RUN bundle install', findings: [{ line: 2 }], name: 'ONBUILD trigger' },
    { code: 'FROM ruby:3.3 AS base\nRUN gem install bundler\nFROM base\nCMD ["irb"]', findings: [{ line: 2 }], name: 'parent stage ships' },
  ],
  valid: [
    'FROM ruby:3.3-slim\nRUN gem install --no-document bundler && rm -rf /usr/local/bundle/cache',
    'FROM ruby:3.3-slim\nRUN gem install -N bundler && rm -rf "$GEM_HOME/cache"',
    'FROM ruby:3.3-slim\nRUN bundle install && rm -rf /usr/local/bundle/cache/*.gem',
    'FROM ruby:3.3-slim\nRUN --mount=type=cache,target=/usr/local/bundle/cache bundle install',
    'FROM ruby:3.3-slim\nRUN echo "gem: --no-document" > ~/.gemrc\nRUN gem install rails && rm -rf ~/.gem',
    'FROM ruby:3.3-slim\nRUN bundle exec rake assets:precompile',
    'FROM ruby:3.3 AS build\nRUN bundle install\nFROM ruby:3.3-slim\nCOPY --from=build /usr/local/bundle /usr/local/bundle',
  ],
});
