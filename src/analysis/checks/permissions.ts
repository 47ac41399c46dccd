// File permissions and accounts: setuid/setgid binaries, world-writable files, empty passwords, duplicate UIDs.
import type { Finding } from '../../rules/rule.js';
import type { AnalysisInput, Analyzer, LayerView } from '../analyzer.js';
import { absolute, basename, describeLayer, dirname, finalSample, finding, isBase, locate, plural, rel, withBase } from './common.js';
import type { ImageRule } from './common.js';

export const WH642: ImageRule = { id: 'WH642', title: 'setuid or setgid file added by the image\'s own layers', severity: 'warning', category: 'security' };
export const WH643: ImageRule = { id: 'WH643', title: 'World-writable files', severity: 'warning', category: 'security' };
export const WH644: ImageRule = { id: 'WH644', title: 'Account with an empty password', severity: 'error', category: 'security' };
export const WH645: ImageRule = { id: 'WH645', title: 'Accounts sharing a UID', severity: 'warning', category: 'security' };

const PASSWD = 'etc/passwd';
const SHADOW = 'etc/shadow';

// What distributions install setuid themselves; when the base cannot be told apart these are not the user's doing.
const DISTRO_SETUID = new Set([
  'su', 'sudo', 'passwd', 'chsh', 'chfn', 'newgrp', 'gpasswd', 'mount', 'umount', 'ping', 'ping6', 'expiry', 'chage',
  'unix_chkpwd', 'wall', 'write', 'ssh-agent', 'ssh-keysign', 'pkexec', 'crontab', 'fusermount', 'fusermount3', 'newuidmap',
  'newgidmap', 'dbus-daemon-launch-helper', 'pam_extrausers_chkpwd', 'bsd-write', 'traceroute6.iputils', 'busybox',
]);

function userLayer(layers: readonly LayerView[], layer: number, name: string): boolean {
  const fromBase = layers[layer]?.fromBase ?? null;
  return fromBase === false || (fromBase === null && !DISTRO_SETUID.has(name));
}

export interface Account {
  readonly name: string;
  readonly password: string;
  readonly uid: number | null;
}

/** `name:password:uid:...` lines of /etc/passwd or /etc/shadow (shadow has no uid: null). */
export function parseAccounts(text: string, withUid: boolean): Account[] {
  return text.split('\n').flatMap((line) => {
    if (line.trim() === '' || line.startsWith('#') || line.startsWith('+') || line.startsWith('-')) return [];
    const f = line.split(':');
    if (f.length < 2) return [];
    const uid = withUid && /^\d+$/.test(f[2] ?? '') ? Number(f[2]) : null;
    return [{ name: f[0] ?? '', password: f[1] ?? '', uid }];
  });
}

export const permissions: Analyzer = {
  name: 'permissions',
  scope: 'squashed',
  rules: [WH642.id, WH643.id, WH644.id, WH645.id],
  wantsBody: (path) => rel(path) === PASSWD || rel(path) === SHADOW,
  analyze(input: AnalysisInput) {
    const { fs } = input;
    const layers = withBase(input);
    const findings: Finding[] = [];
    const writable = new Map<string, { layer: number; count: number; first: string }>();
    for (const e of fs.entries()) {
      if (e.type === 'file' && (e.mode & 0o6000) !== 0 && userLayer(layers, e.layer, basename(e.path))) {
        const bits = [(e.mode & 0o4000) !== 0 ? 'setuid' : '', (e.mode & 0o2000) !== 0 ? 'setgid' : ''].filter(Boolean).join(' and ');
        findings.push(finding(WH642, `${absolute(e.path)} is ${bits} (mode ${(e.mode & 0o7777).toString(8)}), set by ${describeLayer(layers, e.layer)}: anyone who runs it gains its owner's rights`, locate(input, e.layer, e.path)));
      }
      // A sticky directory (/tmp) is meant to be shared; links carry no permissions of their own.
      const shared = e.type === 'directory' && (e.mode & 0o1000) !== 0;
      if ((e.type === 'file' || e.type === 'directory') && (e.mode & 0o002) !== 0 && !shared && !isBase(layers, e.layer)) {
        const key = `${e.layer}\0${e.type === 'directory' ? e.path : dirname(e.path)}`;
        const w = writable.get(key);
        if (w === undefined) writable.set(key, { layer: e.layer, count: 1, first: e.path });
        else w.count++;
      }
    }
    for (const [key, w] of writable) {
      const dir = key.slice(key.indexOf('\0') + 1);
      const what = w.count === 1 ? absolute(w.first) : `${plural(w.count, 'path')} in ${absolute(dir)}`;
      findings.push(finding(WH643, `${what} ${w.count === 1 ? 'is' : 'are'} writable by every user, as set by ${describeLayer(layers, w.layer)}: any process in the container can change ${w.count === 1 ? 'it' : 'them'}`, locate(input, w.layer, w.count === 1 ? w.first : dir)));
    }

    const passwd = finalSample(input, PASSWD);
    const shadow = finalSample(input, SHADOW);
    const accounts = passwd?.text == null ? [] : parseAccounts(passwd.text, true);
    const shadowed = shadow?.text == null ? [] : parseAccounts(shadow.text, false);
    for (const [sample, list] of [[passwd, accounts], [shadow, shadowed]] as const) {
      if (sample === null) continue;
      for (const a of list.filter((x) => x.password === '')) {
        findings.push(finding(WH644, `account ${a.name} in ${absolute(rel(sample.path))} has an empty password: anyone can log in as it; lock it (\`passwd -l ${a.name}\`) or set \`*\``, locate(input, sample.layer, rel(sample.path))));
      }
    }
    const byUid = new Map<number, string[]>();
    for (const a of accounts) if (a.uid !== null) byUid.set(a.uid, [...(byUid.get(a.uid) ?? []), a.name]);
    for (const [uid, names] of byUid) {
      if (names.length < 2 || passwd === null) continue;
      const root = uid === 0 ? ' (each of them is root)' : '';
      findings.push(finding(WH645, `UID ${uid} belongs to ${names.join(', ')}${root}: files and processes of one are the others'`, locate(input, passwd.layer, rel(passwd.path))));
    }
    return { findings };
  },
};
