// WH102 cases: composer caches left in shipped layers.
import { runRuleTests } from './testing.js';
import { wh102 } from './wh102-composer-cache.js';

runRuleTests(wh102, {
  invalid: [
    { code: 'FROM php:8.3-fpm\nRUN composer install --no-dev', findings: [{ line: 2, message: '--no-cache' }],
      output: 'FROM php:8.3-fpm\nRUN composer install --no-dev \\\n    && composer clear-cache' },
    { code: 'FROM php:8.3-fpm\nRUN php composer.phar install', findings: [{ line: 2 }], output: null, name: 'composer.phar through php' },
    { code: 'FROM php:8.3-fpm\nRUN composer require monolog/monolog', findings: [{ line: 2, message: 'MB' }] },
    { code: 'FROM php:8.3-fpm\nONBUILD RUN composer install', findings: [{ line: 2 }], name: 'ONBUILD trigger' },
    { code: 'FROM php:8.3 AS base\nRUN composer install\nFROM base\nCMD ["php"]', findings: [{ line: 2 }] },
  ],
  valid: [
    'FROM php:8.3-fpm\nRUN composer install --no-dev --no-cache',
    'FROM php:8.3-fpm\nRUN composer install && composer clear-cache',
    'FROM php:8.3-fpm\nRUN composer install && rm -rf ~/.composer/cache',
    'FROM php:8.3-fpm\nRUN --mount=type=cache,target=/tmp/cache composer install',
    'FROM php:8.3-fpm\nENV COMPOSER_CACHE_DIR=/dev/null\nRUN composer install',
    'FROM php:8.3-fpm\nRUN COMPOSER_CACHE_DIR=/tmp/c composer install && rm -rf /tmp/c',
    'FROM php:8.3-fpm\nRUN composer dump-autoload --optimize',
    'FROM composer:2 AS vendor\nRUN composer install\nFROM php:8.3-fpm\nCOPY --from=vendor /app/vendor /app/vendor',
  ],
});
