// Well-known secret formats as data, plus masking: shared by the Dockerfile rules and image analysis.
import { createHash } from 'node:crypto';

export interface SecretPattern {
  /** Stable kebab-case name (`github-token`). */
  readonly kind: string;
  /** What a reader calls it (`GitHub token`). */
  readonly label: string;
  /** Global regex; the named group `secret` (else the whole match) is the secret value. */
  readonly regex: RegExp;
  /** Extra check on a candidate value, for formats that are only a secret when the value looks random. */
  readonly accept?: (value: string, match: RegExpMatchArray) => boolean;
}

export interface SecretMatch {
  readonly kind: string;
  readonly label: string;
  readonly value: string;
  /** Offset of the value in the scanned text. */
  readonly index: number;
}

/** Shannon entropy of a string in bits per character. */
export function entropy(value: string): number {
  if (value === '') return 0;
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

const PLACEHOLDERS = /^(?:changeme|change_me|example|placeholder|dummy|redacted|x+|\*+|<[^>]*>|\{\{.*\}\}|none|null|true|false)$/i;
// Names that carry a reference to a secret, not the secret (`SECRET_FILE=/run/secrets/x`, `TOKEN_URL=...`).
const REFERENCE_KEY = /(?:_|-|\.)(?:file|path|url|uri|dir|name|header|type|length|endpoint|env|var|id)$/i;

/** A value random enough to be a real credential: 8+ chars, two character classes, not a path, URL or placeholder. */
export function looksRandom(value: string): boolean {
  if (value.length < 8 || PLACEHOLDERS.test(value)) return false;
  if (/^(?:\/|\.\/|~\/|[a-z][a-z0-9+.-]*:\/\/)/i.test(value)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(value)).length;
  return classes >= 2 && entropy(value) >= 2.5;
}

function keyedRandom(value: string, match: RegExpMatchArray): boolean {
  const key = match.groups?.key ?? '';
  return !REFERENCE_KEY.test(key) && looksRandom(value);
}

// Order matters: a value claimed by an earlier (more specific) pattern is not reported again by a later one.
export const SECRET_PATTERNS: readonly SecretPattern[] = [
  { kind: 'private-key', label: 'private key', regex: /-----BEGIN[ A-Z0-9]*PRIVATE KEY(?: BLOCK)?-----/g },
  { kind: 'aws-access-key-id', label: 'AWS access key ID', regex: /\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/g },
  {
    kind: 'aws-secret-access-key',
    label: 'AWS secret access key',
    regex: /aws[A-Za-z0-9_.-]{0,20}secret[A-Za-z0-9_.-]{0,20}["']?\s*[=:]\s*["']?(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/gi,
  },
  { kind: 'github-token', label: 'GitHub token', regex: /\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,}\b/g },
  { kind: 'github-fine-grained-token', label: 'GitHub fine-grained token', regex: /\bgithub_pat_[A-Za-z0-9_]{40,}\b/g },
  { kind: 'gitlab-token', label: 'GitLab token', regex: /\bglpat-[A-Za-z0-9_-]{20,}(?![A-Za-z0-9_-])/g },
  { kind: 'npm-token', label: 'npm token', regex: /\bnpm_[A-Za-z0-9]{36,}\b/g },
  { kind: 'slack-token', label: 'Slack token', regex: /\bxox[abposr]-[A-Za-z0-9-]{10,}(?![A-Za-z0-9-])/g },
  {
    kind: 'slack-webhook',
    label: 'Slack webhook URL',
    regex: /https:\/\/hooks\.slack\.com\/services\/(?<secret>T[A-Za-z0-9]+\/B[A-Za-z0-9]+\/[A-Za-z0-9]{16,})/g,
  },
  { kind: 'google-api-key', label: 'Google API key', regex: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g },
  { kind: 'stripe-secret-key', label: 'Stripe live secret key', regex: /\b(?:sk|rk)_live_[0-9A-Za-z]{16,}\b/g },
  {
    kind: 'jwt',
    label: 'JSON Web Token',
    regex: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}(?![A-Za-z0-9_-])/g,
  },
  {
    kind: 'url-credentials',
    label: 'password in a URL',
    regex: /(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s:/@"'$]+:(?<secret>[^\s/@"'$]{3,})@[^\s"'/]+/g,
    accept: (value) => !PLACEHOLDERS.test(value),
  },
  {
    kind: 'authorization-header',
    label: 'Authorization header credential',
    regex: /Authorization:\s*(?:Bearer|Basic|token)\s+(?<secret>[A-Za-z0-9._~+/=-]{12,})/gi,
    accept: looksRandom,
  },
  {
    kind: 'credential-assignment',
    label: 'password or token value',
    // The key must end in the sensitive word: `PASSWORD_HASH_ALGO=argon2id` is a setting, not a password.
    regex:
      /(?<![A-Za-z0-9])(?<key>[A-Za-z0-9_.-]*(?:password|passwd|secret|token|api[_-]?key|access[_-]?key|(?:secret|private|signing|encryption|master)[_-]?key(?:[_-]?base)?|auth[_-]?key|_auth))["']?\s*[=:]\s*["']?(?<secret>[^\s"'$;&|<>`()]{8,})/gi,
    accept: keyedRandom,
  },
  {
    // curl's `-u user:password`: whatever follows the colon is a password by definition, random or not.
    kind: 'curl-user-password',
    label: 'password in curl -u',
    regex: /\bcurl\b[^\n;&|]*?\s(?:-u|--user)(?:=|\s+)["']?[^\s:"'$]+:(?<secret>[^\s"'$;&|<>`()]{4,})/g,
    accept: (value) => !PLACEHOLDERS.test(value),
  },
  {
    kind: 'credential-flag',
    label: 'password or token on the command line',
    regex: /(?<key>--(?:password|passwd|token|api-key|secret))(?:=|\s+)["']?(?<secret>[^\s"'$;&|<>`()-][^\s"'$;&|<>`()]{7,})/gi,
    accept: looksRandom,
  },
];

/** Every secret in `text`, in order; a value found by a more specific pattern is not repeated by a generic one. */
// The `d` flag gives the secret group's own offset; each pattern is compiled with it once, not per scan.
const indexed = new WeakMap<RegExp, RegExp>();
function withIndices(regex: RegExp): RegExp {
  if (regex.flags.includes('d')) return regex;
  let compiled = indexed.get(regex);
  if (compiled === undefined) {
    compiled = new RegExp(regex.source, `${regex.flags}d`);
    indexed.set(regex, compiled);
  }
  return compiled;
}

export function findSecrets(text: string, patterns: readonly SecretPattern[] = SECRET_PATTERNS): SecretMatch[] {
  const found: SecretMatch[] = [];
  for (const p of patterns) {
    const regex = withIndices(p.regex);
    for (const m of text.matchAll(regex)) {
      const value = m.groups?.secret ?? m[0];
      const index = m.indices?.groups?.secret?.[0] ?? m.index ?? 0;
      if (p.accept && !p.accept(value, m)) continue;
      if (found.some((f) => index < f.index + f.value.length && f.index < index + value.length)) continue;
      found.push({ kind: p.kind, label: p.label, value, index });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** First 8 hex digits of the value's sha256: enough to tell two secrets apart, useless to recover one. */
export function fingerprint(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex').slice(0, 8);
}

/**
 * The value as a finding may show it: at most its first 4 characters (fewer for short values), its length and
 * fingerprint, e.g. `npm_…(40 chars, sha256:1a2b3c4d)`.
 */
export function maskSecret(value: string): string {
  const shown = Math.min(4, Math.floor(value.length / 4));
  return `${value.slice(0, shown)}…(${value.length} chars, sha256:${fingerprint(value)})`;
}

/** `text` with every secret in it replaced by its mask, for messages that must quote user text. */
export function redactSecrets(text: string): string {
  let out = '';
  let cursor = 0;
  for (const s of findSecrets(text)) {
    out += text.slice(cursor, s.index) + maskSecret(s.value);
    cursor = s.index + s.value.length;
  }
  return out + text.slice(cursor);
}

// A secret-sounding word as the whole name or as its first or last `_`-separated part (BuildKit's test)...
const SECRET_NAME = /(?:_|^)(?:apikey|auth|credentials?|key|password|pword|passwd|secret|token)(?:_|$)/i;
// ...unless another part says it is not the secret itself (a public key, a key file, a version).
const NOT_SECRET_NAME = /(?:_|^)(?:public|file|version)(?:_|$)/i;

/** Whether a variable name says it holds a secret (BuildKit's SecretsUsedInArgOrEnv and DL3064 use this). */
export function looksSecret(name: string): boolean {
  return SECRET_NAME.test(name) && !NOT_SECRET_NAME.test(name);
}

const ASSIGNMENT = /(?<![A-Za-z0-9_$])([A-Za-z_][A-Za-z0-9_]*)=("(?:[^"\\]|\\.)*"|'[^']*'|[^\s"'`;&|]+)/g;
const LEGACY_ENV = /^(\s*(?:ENV|ARG)\s+)([A-Za-z_][A-Za-z0-9_]*)(\s+)(\S.*)$/i;

function maskValue(value: string): string {
  const bare = value.replace(/^(["'])(.*)\1$/s, '$2');
  // A variable reference holds no secret itself; an already masked value stays as it is.
  if (bare === '' || bare.startsWith('$') || bare.includes('…(')) return value;
  return maskSecret(bare);
}

/**
 * A source line as a report may quote it: every secret the patterns know masked, and the value of every
 * assignment whose name says it is a secret (`DB_PASSWORD=hunter2`, `ENV API_TOKEN abc`), however unrandom.
 */
export function redactSourceLine(line: string): string {
  const text = redactSecrets(line).replace(ASSIGNMENT, (whole, key: string, value: string) => (looksSecret(key) ? `${key}=${maskValue(value)}` : whole));
  const legacy = LEGACY_ENV.exec(text);
  if (legacy === null || (legacy[4] ?? '').includes('=') || !looksSecret(legacy[2] ?? '')) return text;
  return `${legacy[1] ?? ''}${legacy[2] ?? ''}${legacy[3] ?? ''}${maskValue((legacy[4] ?? '').trimEnd())}`;
}
