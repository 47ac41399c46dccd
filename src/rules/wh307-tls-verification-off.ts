// WH307: turning off TLS certificate checks lets anyone on the network path feed the build what they like.
import type { Instruction } from '../dockerfile/model.js';
import type { ShellCommand } from '../dockerfile/shell.js';
import { argValues, basename, hasAnyFlag, hasFlag } from '../dockerfile/shell.js';
import { instructions } from './helpers.js';
import type { Finding, Rule } from './rule.js';
import { findingAt } from './rule.js';

const FALSE = /^(?:false|0|no|off)$/i;

interface EnvSwitch {
  readonly name: RegExp;
  readonly off: (value: string) => boolean;
}

// Environment variables that disable verification, and the values that do it (git honours any value).
const ENV_SWITCHES: readonly EnvSwitch[] = [
  { name: /^GIT_SSL_NO_VERIFY$/, off: (v) => v !== '' },
  { name: /^NODE_TLS_REJECT_UNAUTHORIZED$/, off: (v) => v === '0' },
  { name: /^PIP_TRUSTED_HOST$/i, off: (v) => v !== '' },
  { name: /^NPM_CONFIG_STRICT_SSL$/i, off: (v) => FALSE.test(v) },
  { name: /^PYTHONHTTPSVERIFY$/, off: (v) => v === '0' },
];

function envSwitch(name: string, value: string): string | null {
  if (value.startsWith('$')) return null;
  const hit = ENV_SWITCHES.find((s) => s.name.test(name) && s.off(value.replace(/^["']|["']$/g, '')));
  return hit === undefined ? null : `${name}=${value}`;
}

function assignment(text: string): string | null {
  const eq = text.indexOf('=');
  return eq < 0 ? null : envSwitch(text.slice(0, eq), text.slice(eq + 1));
}

/** What in this command turns verification off, in the user's words; null when nothing does. */
function insecureUse(cmd: ShellCommand): string | null {
  const name = basename(cmd.name);
  const args = argValues(cmd);
  const after = (key: RegExp): string | undefined => args[args.findIndex((a) => key.test(a)) + 1];
  for (const a of cmd.assignments) {
    const hit = assignment(a);
    if (hit !== null) return hit;
  }
  if (name === 'curl' && hasAnyFlag(cmd, ['k', 'insecure'])) return 'curl --insecure';
  if (name === 'wget' && hasFlag(cmd, 'no-check-certificate')) return 'wget --no-check-certificate';
  if (/^pip\d*(?:\.\d+)?$/.test(name) || (name.startsWith('python') && args.includes('pip'))) {
    if (hasFlag(cmd, 'trusted-host')) return 'pip --trusted-host';
    if (args.some((a) => /^(?:global|install)\.trusted-host$/.test(a))) return 'pip config trusted-host';
  }
  if (['npm', 'yarn', 'pnpm'].includes(name)) {
    const key = /^(?:strict-ssl|enableStrictSsl)$/;
    if (args.some((a) => /^(?:--)?strict-ssl=(?:false|0)$/.test(a)) || args.includes('--no-strict-ssl')) return `${name} strict-ssl false`;
    if (args.some((a) => key.test(a)) && FALSE.test(after(key) ?? '')) return `${name} config set strict-ssl false`;
  }
  if (name === 'git') {
    if (args.some((a) => /^http\.(?:\S*\.)?sslverify=(?:false|0|no|off)$/i.test(a))) return 'git -c http.sslVerify=false';
    const key = /^http\.(?:\S*\.)?sslverify$/i;
    if (args.includes('config') && FALSE.test(after(key) ?? '')) return 'git config http.sslVerify false';
  }
  if (['apt-get', 'apt'].includes(name) && args.some((a) => /Verify-(?:Peer|Host)=["']?false/i.test(a))) return `${name} Verify-Peer=false`;
  return null;
}

// `export` is a declaration, not a simple command, in the shell model: read it from the text.
function exports(script: string): string[] {
  return [...script.matchAll(/(?:^|[\s;&|(])export\s+([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|'[^']*'|[^\s;&|)]*)/g)].flatMap((m) => {
    const hit = envSwitch(m[1] ?? '', m[2] ?? '');
    return hit === null ? [] : [`export ${hit}`];
  });
}

const WHY = 'TLS certificate checks are off, so anyone on the network path can substitute what is downloaded: ' +
  'trust the right CA (install ca-certificates or COPY the CA in) instead';

function check(ins: Instruction): Finding[] {
  const hits =
    ins.keyword === 'ENV' || ins.keyword === 'ARG'
      ? (ins.pairs ?? []).flatMap((p) => {
          const hit = p.value === null ? null : envSwitch(p.key, p.value);
          return hit === null ? [] : [`${ins.keyword} ${hit}`];
        })
      : [
          ...(ins.run?.script.commands ?? []).flatMap((c) => {
            const hit = insecureUse(c);
            return hit === null ? [] : [hit];
          }),
          ...exports(ins.run?.script.text ?? ''),
        ];
  return hits.map((hit) => findingAt(wh307, ins, `${hit}: ${WHY}`));
}

export const wh307: Rule = {
  id: 'WH307',
  title: 'Do not turn off TLS verification',
  category: 'security',
  severity: 'warning',
  origin: 'whittle',
  fixable: false,
  check(df) {
    return instructions(df).flatMap(check);
  },
};
