// Secrets an image gives away: in file bodies (deleted-later ones too), credential files, ENV and labels, build history.
import type { Finding } from '../../rules/rule.js';
import { findSecrets, fingerprint } from '../../rules/secret-patterns.js';
import type { AnalysisInput, Analyzer, FileSample } from '../analyzer.js';
import { absolute, basename, describeLayer, finding, locate, rel } from './common.js';
import type { ImageRule } from './common.js';

export const WH630: ImageRule = { id: 'WH630', title: 'Secret in a file of the image', severity: 'error', category: 'security' };
export const WH631: ImageRule = { id: 'WH631', title: 'Credential file with a stored login', severity: 'error', category: 'security' };
export const WH632: ImageRule = { id: 'WH632', title: 'Secret in the image config (ENV or label)', severity: 'error', category: 'security' };
export const WH633: ImageRule = { id: 'WH633', title: 'Secret in the build history', severity: 'error', category: 'security' };

const MAX_BODY = 1024 * 1024;
const MAX_CONFIG_BODY = 64 * 1024;

/** Files whose whole purpose is to hold a login or a key. */
const CREDENTIAL_NAMES = new Set([
  '.npmrc', '.pypirc', '.netrc', '_netrc', '.git-credentials', '.pgpass', '.my.cnf', '.s3cfg', '.boto', '.dockercfg',
  '.yarnrc', '.yarnrc.yml', '.htpasswd', '.env', 'id_rsa', 'id_dsa', 'id_ecdsa', 'id_ed25519', 'terraform.tfvars',
]);
const KEY_FILE = /\.(?:pem|key|p8|ppk|tfvars)$|^\.env\.[\w.-]+$/;
const CONFIG_FILE = /\.(?:env|ini|cfg|conf|toml|ya?ml|json|properties|xml|sh)$/;
// Dependency and system trees hold test fixtures and sample keys by the thousand; a project's secrets live elsewhere.
const THIRD_PARTY = /(?:^|\/)(?:node_modules|site-packages|dist-packages|vendor|\.git)\/|^(?:usr|lib|lib64|bin|sbin|proc|sys|var\/lib)\//;
// Generated per installation by Debian's ssl-cert package: a key, but nobody's secret.
const KNOWN_HARMLESS = new Set(['etc/ssl/private/ssl-cert-snakeoil.key']);

function wantsBody(rooted: string, size: number): boolean {
  const path = rel(rooted);
  if (size === 0 || size > MAX_BODY) return false;
  const name = basename(path);
  if (CREDENTIAL_NAMES.has(name)) return true;
  if ((name === 'config.json' && path.endsWith('.docker/config.json')) || (name === 'credentials' && path.endsWith('.aws/credentials'))) return true;
  // The name decides for almost every file; the directory test runs only for the few candidates.
  if (!KEY_FILE.test(name) && !(size <= MAX_CONFIG_BODY && CONFIG_FILE.test(name))) return false;
  return !THIRD_PARTY.test(path) && !KNOWN_HARMLESS.has(path);
}

interface Hit {
  readonly label: string;
  /** sha256 prefix of the value: tells two findings apart without showing anything of the value. */
  readonly print: string;
  readonly rule: ImageRule;
}

const SENSITIVE_KEY = /(?:pass(?:word|wd)?|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credential|auth)$/i;
const UNSET = /^(?:|""|''|\$\{[^}]*\}|\$[A-Za-z_]\w*|changeme|<[^>]*>)$/i;

/** Logins stored in well-known credential files, found by the file's own syntax (values need not look random). */
export function credentialValues(path: string, text: string): { label: string; value: string }[] {
  const name = basename(path);
  const out: { label: string; value: string }[] = [];
  const push = (label: string, value: string | undefined): void => {
    const v = value?.trim() ?? '';
    if (!UNSET.test(v)) out.push({ label, value: v });
  };
  if (name === '.npmrc' || name === '.yarnrc' || name === '.yarnrc.yml') {
    for (const m of text.matchAll(/(?:_authToken|_auth|_password|npmAuthToken|npmAuthIdent)["']?\s*[=:]\s*["']?([^\s"']*)/g)) push('npm registry credential', m[1]);
  } else if (name === '.pypirc') {
    for (const m of text.matchAll(/^\s*password\s*[=:]\s*(.*)$/gm)) push('PyPI password', m[1]);
  } else if (name === '.netrc' || name === '_netrc') {
    for (const m of text.matchAll(/\bpassword\s+(\S+)/g)) push('netrc password', m[1]);
  } else if (name === '.git-credentials') {
    for (const m of text.matchAll(/:\/\/[^:\s/@]+:([^@\s]+)@/g)) push('Git credential', m[1]);
  } else if (name === '.pgpass') {
    for (const line of text.split('\n')) if (!line.startsWith('#') && line.split(':').length >= 5) push('PostgreSQL password', line.split(':').slice(4).join(':'));
  } else if (name === 'config.json' || name === '.dockercfg') {
    for (const m of text.matchAll(/"(?:auth|identitytoken|registrytoken|password)"\s*:\s*"([^"]*)"/g)) push('registry login', m[1]);
  } else if (name === 'credentials' || name === '.s3cfg' || name === '.boto') {
    for (const m of text.matchAll(/^\s*(?:aws_secret_access_key|secret_key|aws_session_token)\s*[=:]\s*(.*)$/gim)) push('cloud secret key', m[1]);
  } else if (name === '.env' || name.startsWith('.env.') || name.endsWith('.tfvars')) {
    for (const m of text.matchAll(/^\s*(?:export\s+)?([A-Za-z_][\w.-]*)\s*=\s*["']?([^"'\n#]*)/gm)) {
      if (SENSITIVE_KEY.test(m[1] ?? '')) push(`${m[1] ?? ''} setting`, m[2]);
    }
  }
  return out;
}

function fileHits(sample: FileSample): Hit[] {
  if (sample.text === null) return [];
  const hits: Hit[] = [];
  const seen = new Set<string>();
  for (const s of findSecrets(sample.text)) {
    // A key's header is the same in every PEM file; the body's digest tells keys apart.
    const print = s.kind === 'private-key' ? sample.sha256.slice(0, 8) : fingerprint(s.value);
    if (seen.has(print)) continue;
    seen.add(print);
    hits.push({ label: s.label, print, rule: WH630 });
  }
  for (const c of credentialValues(sample.path, sample.text)) {
    const print = fingerprint(c.value);
    if (seen.has(print)) continue;
    seen.add(print);
    hits.push({ label: c.label, print, rule: WH631 });
  }
  return hits;
}

const MAX_PER_FILE = 5;

/** Names the Dockerfile line that set an ENV or LABEL key, when the Dockerfile is known. */
function configLine(input: AnalysisInput, keyword: 'ENV' | 'LABEL', key: string): Partial<{ file: string; line: number }> {
  const df = input.dockerfile;
  if (df === null) return {};
  const ins = [...df.instructions].reverse().find((i) => i.keyword === keyword && (i.pairs ?? []).some((p) => p.key === key));
  return ins === undefined ? {} : { file: df.file, line: ins.span.line };
}

export const secrets: Analyzer = {
  name: 'secrets',
  // A key deleted by a later layer still ships in the layer that added it.
  scope: 'all-layers',
  rules: [WH630.id, WH631.id, WH632.id, WH633.id],
  wantsBody,
  analyze(input: AnalysisInput) {
    const findings: Finding[] = [];
    for (const sample of input.samples) {
      const path = rel(sample.path);
      for (const hit of fileHits({ ...sample, path }).slice(0, MAX_PER_FILE)) {
        const later = sample.hiddenLater ? `; a later layer deletes or replaces the file, but it still ships in layer ${sample.layer}` : '';
        findings.push(finding(hit.rule, `${hit.label} in ${absolute(path)}, added by ${describeLayer(input.layers, sample.layer)} (fingerprint sha256:${hit.print})${later}`, locate(input, sample.layer, path)));
      }
    }
    const config = input.image.config;
    const reported = new Set<string>();
    const scanPairs = (pairs: readonly [string, string][], keyword: 'ENV' | 'LABEL'): void => {
      for (const [key, value] of pairs) {
        for (const s of findSecrets(`${key}=${value}`)) {
          const print = fingerprint(s.value);
          reported.add(print);
          findings.push(finding(WH632, `${keyword} ${key} holds a ${s.label} (fingerprint sha256:${print}): anyone who pulls the image can read it`, { ...configLine(input, keyword, key) }));
        }
      }
    };
    scanPairs(config.env.map((e) => { const i = e.indexOf('='); return i < 0 ? [e, ''] : [e.slice(0, i), e.slice(i + 1)]; }), 'ENV');
    scanPairs(Object.entries(config.labels), 'LABEL');
    // History entries of empty layers (ENV, ARG) have no layer; the others are numbered in order.
    let layer = 0;
    const history = new Map<string, { label: string; layers: Set<number>; entries: number; first: number | null }>();
    for (const h of config.history) {
      const index = h.emptyLayer ? null : layer++;
      for (const s of findSecrets(h.createdBy ?? '')) {
        const print = fingerprint(s.value);
        if (reported.has(print)) continue;
        let seen = history.get(print);
        if (seen === undefined) history.set(print, (seen = { label: s.label, layers: new Set(), entries: 0, first: index }));
        seen.entries++;
        if (index !== null) seen.layers.add(index);
        seen.first ??= index;
      }
    }
    for (const [print, h] of history) {
      const where = h.first === null ? '' : `, first in ${describeLayer(input.layers, h.first)}`;
      findings.push(finding(WH633, `${h.label} recorded in ${h.entries} build history ${h.entries === 1 ? 'entry' : 'entries'}${where} (fingerprint sha256:${print}): build arguments and RUN command lines are kept in the image; pass secrets with a secret mount`, locate(input, h.first)));
    }
    return { findings };
  },
};
