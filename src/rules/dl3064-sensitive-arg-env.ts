// DL3064: ARG and ENV values are kept in the image config and history, where anyone with the image can read them.
import { instructions } from './helpers.js';
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';

// Names of well-known credentials that the substrings below do not already catch (hadolint's list, minus those).
const KNOWN = new Set([
  'APPLICATION_KEY', 'AWS_ACCESS_KEY_ID', 'CI_DEPLOY_USER', 'DOCKER_EMAIL', 'FACEBOOK_APP_ID', 'HEROKU_API_USER',
  'OKTA_AUTHN_GROUPID', 'OKTA_CLIENT_ORGURL', 'OKTA_OAUTH2_CLIENTID', 'STRIPE_DEVICE_NAME', 'TRAVIS_OS_NAME',
  'TRAVIS_SECURE_ENV_VARS', 'TRAVIS_SUDO',
]);
const SUSPICIOUS = ['api_key', 'client_key', 'password', 'private', 'secret', 'token', 'username'];

function isSensitive(name: string): boolean {
  const lower = name.toLowerCase();
  return KNOWN.has(name.toUpperCase()) || SUSPICIOUS.some((s) => lower.includes(s));
}

export const dl3064: Rule = {
  id: 'DL3064',
  title: 'Keep secrets out of ARG and ENV',
  category: 'security',
  severity: 'warning',
  origin: 'hadolint',
  fixable: false,
  check(df) {
    return instructions(df)
      .filter((ins) => ins.keyword === 'ARG' || ins.keyword === 'ENV')
      .flatMap((ins) => {
        const names = (ins.pairs ?? []).map((p) => p.key).filter(isSensitive);
        if (names.length === 0) return [];
        return [findingAt(dl3064, ins, `${names.join(', ')} looks sensitive: ${ins.keyword} values stay readable in the image; use a secret mount`)];
      });
  },
};
