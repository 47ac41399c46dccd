// DL3052: a label the schema types as `url` must hold an absolute URI (RFC 3986).
import { badSchemaLabels } from './helpers.js';
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';

const PCHAR = "(?:[A-Za-z0-9\\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})";
const PATH = new RegExp(`^(?:${PCHAR}|/)*$`);
const QUERY = new RegExp(`^(?:${PCHAR}|[/?])*$`);
const USERINFO = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:]|%[0-9A-Fa-f]{2})*$/;
const REG_NAME = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/;
const IP_FUTURE = /^v[0-9A-Fa-f]+\.[A-Za-z0-9\-._~!$&'()*+,;=:]+$/;

function isIPv4(s: string): boolean {
  return /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/.test(s);
}

function isIPv6(s: string): boolean {
  const halves = s.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((h) => (h === '' ? [] : h.split(':')));
  let slots = 0;
  for (const [i, g] of groups.entries()) {
    if (i === groups.length - 1 && g.includes('.')) {
      if (!isIPv4(g)) return false;
      slots += 2;
    } else if (/^[0-9A-Fa-f]{1,4}$/.test(g)) slots += 1;
    else return false;
  }
  return halves.length === 2 ? slots <= 7 : slots === 8;
}

function isAuthority(authority: string): boolean {
  const at = authority.indexOf('@');
  if (at >= 0 && !USERINFO.test(authority.slice(0, at))) return false;
  const hostPort = authority.slice(at + 1);
  let host: string;
  let port: string;
  if (hostPort.startsWith('[')) {
    const close = hostPort.indexOf(']');
    if (close < 0) return false;
    const literal = hostPort.slice(1, close);
    if (!isIPv6(literal) && !IP_FUTURE.test(literal)) return false;
    host = '';
    port = hostPort.slice(close + 1);
  } else {
    const colon = hostPort.indexOf(':');
    host = colon < 0 ? hostPort : hostPort.slice(0, colon);
    port = colon < 0 ? '' : hostPort.slice(colon);
  }
  return REG_NAME.test(host) && /^(?::\d*)?$/.test(port);
}

/** RFC 3986 `URI`: scheme, hierarchical part, optional query and fragment (what Haskell's parseURI accepts). */
export function isUri(s: string): boolean {
  const m = /^[A-Za-z][A-Za-z0-9+.-]*:([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/s.exec(s);
  if (m === null) return false;
  const [, hier = '', query, fragment] = m;
  if ((query !== undefined && !QUERY.test(query)) || (fragment !== undefined && !QUERY.test(fragment))) return false;
  if (!hier.startsWith('//')) return PATH.test(hier);
  const rest = hier.slice(2);
  const slash = rest.indexOf('/');
  return isAuthority(slash < 0 ? rest : rest.slice(0, slash)) && PATH.test(slash < 0 ? '' : rest.slice(slash));
}

export const dl3052: Rule = {
  id: 'DL3052',
  title: 'Put a valid URL in `url` labels',
  category: 'style',
  severity: 'warning',
  origin: 'hadolint',
  fixable: false,
  check(df, ctx) {
    return badSchemaLabels(df, ctx, 'url', (value) => !isUri(value))
      .map(({ ins, label }) => findingAt(dl3052, ins, `label "${label}" is not a valid URL`));
  },
};
