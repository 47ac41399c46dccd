// WH302: COPY/ADD of a file that exists to hold credentials puts them in a layer for good.
import type { Instruction } from '../dockerfile/model.js';
import { basename } from '../dockerfile/shell.js';
import { instructions } from './helpers.js';
import type { Finding, Rule } from './rule.js';
import { findingAt } from './rule.js';

interface SecretFile {
  readonly what: string;
  readonly test: (path: string, name: string) => boolean;
}

// `.env.example` and friends are templates meant to be committed; they hold no values.
const ENV_TEMPLATE = /\.(?:example|sample|template|dist|defaults?)$/i;
// A `.pem` named like a certificate or CA bundle is public material.
const PUBLIC_PEM = /(?:^|[-_.])(?:ca|cacert|cert|certs|certificate|chain|fullchain|bundle|pub|public)(?:[-_.]|$)/i;

const SECRET_FILES: readonly SecretFile[] = [
  { what: 'a dotenv file', test: (_p, n) => /^\.env(?:[.*]|$)/.test(n) && !ENV_TEMPLATE.test(n) },
  { what: 'an SSH private key', test: (_p, n) => /^id_(?:rsa|dsa|ecdsa|ed25519)(?:_sk)?$/.test(n) },
  { what: 'a private key', test: (_p, n) => /\.key$/i.test(n) },
  { what: 'a PEM file', test: (_p, n) => /\.pem$/i.test(n) && !PUBLIC_PEM.test(n.replace(/\.pem$/i, '')) },
  { what: 'a PKCS#12 keystore', test: (_p, n) => /\.(?:p12|pfx)$/i.test(n) },
  { what: 'an .npmrc', test: (_p, n) => n === '.npmrc' },
  { what: 'a .pypirc', test: (_p, n) => n === '.pypirc' },
  { what: 'a .netrc', test: (_p, n) => n === '.netrc' || n === '_netrc' },
  { what: 'a .git-credentials file', test: (_p, n) => n === '.git-credentials' },
  { what: 'Docker registry credentials', test: (p) => /(?:^|\/)\.docker\/config\.json$/.test(p) },
  { what: 'AWS credentials', test: (p) => /(?:^|\/)\.aws\/credentials$/.test(p) },
  { what: 'a kubeconfig', test: (p, n) => /^kubeconfig(?:\.ya?ml)?$/i.test(n) || /(?:^|\/)\.kube\/config$/.test(p) },
];

function check(ins: Instruction): Finding[] {
  return (ins.copy?.sources ?? [])
    .filter((src) => !/^[a-z][a-z0-9+.-]*:\/\//i.test(src) && !src.startsWith('git@'))
    .flatMap((src) => {
      const path = src.replace(/\/+$/, '');
      const kind = SECRET_FILES.find((f) => f.test(path, basename(path)));
      if (kind === undefined) return [];
      return [
        findingAt(
          wh302,
          ins,
          `${ins.keyword} ${src} puts ${kind.what} into a layer, where it stays even if deleted later: ` +
            'mount it for the RUN that needs it (`RUN --mount=type=secret,id=...`) instead',
        ),
      ];
    });
}

export const wh302: Rule = {
  id: 'WH302',
  title: 'Do not COPY credential files into the image',
  category: 'security',
  severity: 'error',
  origin: 'whittle',
  fixable: false,
  check(df) {
    return instructions(df)
      .filter((ins) => ins.keyword === 'COPY' || ins.keyword === 'ADD')
      .flatMap(check);
  },
};
