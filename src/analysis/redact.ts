// Masks secret values in text that analyze reports print (build history, messages): never the value itself.
import { maskSecret, redactSecrets as redactKnownSecrets } from '../rules/secret-patterns.js';

/** Names whose values are secrets (`--build-arg NPM_TOKEN=...` lands in `created_by` as `NPM_TOKEN=...`). */
const SECRET_NAME = /(?:pass(?:word|wd)?|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credential|(?<![a-z])auth(?![a-z]))/i;

/** Already masked by the pattern scan (`npm_…(40 chars, sha256:…)`) or by an analyzer (`<masked …>`). */
const MASKED = /^[<[]|…\(/;

/**
 * The text with every secret replaced by its mask: the known token formats (src/rules/secret-patterns.ts),
 * then any `NAME=value` whose NAME says secret, whatever the value looks like. Not `NAME: value`: prose such
 * as "an empty password: anyone can log in" would lose its words.
 */
export function redactSecrets(text: string): string {
  return redactKnownSecrets(text).replace(/\b([A-Za-z_][A-Za-z0-9_.-]*)=("[^"]*"|'[^']*'|[^\s"';&|]+)/g, (m, name: string, value: string) => {
    if (!SECRET_NAME.test(name) || value === '' || value.startsWith('$') || MASKED.test(value) || value.includes('…(')) return m;
    return `${name}=${maskSecret(value)}`;
  });
}
