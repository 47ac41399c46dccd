// EXPOSE words split the way BuildKit splits them (`[ip:][hostPort:]port[/proto]`), for its two EXPOSE checks.
import type { Instruction } from '../dockerfile/model.js';
import { unquote } from './buildkit.js';

export interface ExposedPort {
  /** The word as BuildKit quotes it back in its messages. */
  readonly raw: string;
  readonly ip: string;
  readonly hostPort: string;
  readonly port: string;
  /** As written; '' when none. */
  readonly proto: string;
}

const PROTOCOLS = ['', 'tcp', 'udp', 'sctp'];

/**
 * The ports of an EXPOSE that BuildKit would accept. Words with variables are left out (BuildKit expands them
 * first; we cannot), and so are words it rejects outright: it fails the build on those rather than warn.
 */
export function exposedPorts(ins: Instruction): ExposedPort[] {
  return ins.words.map(unquote).flatMap((raw) => {
    if (raw.includes('$')) return [];
    const parts = raw.split(':');
    const n = parts.length;
    const containerPart = parts[n - 1] ?? '';
    const hostPort = n >= 2 ? (parts[n - 2] ?? '') : '';
    const ip = n >= 3 ? parts.slice(0, n - 2).join(':') : '';
    const slash = containerPart.indexOf('/');
    const port = slash < 0 ? containerPart : containerPart.slice(0, slash);
    const proto = slash < 0 ? '' : containerPart.slice(slash + 1);
    if (port === '' || !PROTOCOLS.includes(proto.toLowerCase())) return [];
    return [{ raw, ip, hostPort, port, proto }];
  });
}
