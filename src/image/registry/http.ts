// A small HTTP(S) client over node:http for registries: keep-alive pools, an extra CA, idle timeouts, and
// redirects that never carry credentials to another origin. Bodies stay Node streams (no web-stream hop).
import http from 'node:http';
import https from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import { rootCertificates } from 'node:tls';

export interface HttpResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Readable;
  /** Where the answer came from, after redirects. */
  readonly url: URL;
}

export interface HttpRequest {
  readonly method?: 'GET' | 'HEAD' | 'POST';
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface HttpClientOptions {
  /** Extra PEM certificates trusted besides the system's roots. */
  readonly ca?: string;
  /** Hosts (`host[:port]`) whose certificates are not verified and that may be reached by plain HTTP. */
  readonly insecure: (hostPort: string) => boolean;
  /** Give up on a connection that sends nothing for this long (headers or body). */
  readonly idleTimeoutMs: number;
  readonly maxSockets?: number;
  /** Called for every request sent, redirect hops included (tests count them; verbose logs could). */
  readonly onRequest?: (method: string, url: URL) => void;
}

export interface HttpClient {
  /** Sends a request and follows up to 5 redirects; network failures reject with the Node error. */
  request(url: URL, init?: HttpRequest): Promise<HttpResponse>;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;

/** An Error for a refused redirect, shaped like Node's network errors so callers treat it alike. */
function redirectError(message: string): NodeJS.ErrnoException {
  const e: NodeJS.ErrnoException = new Error(message);
  e.code = 'EREDIRECT';
  return e;
}

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const maxSockets = options.maxSockets ?? 16;
  const httpAgent = new http.Agent({ keepAlive: true, maxSockets });
  const ca = options.ca === undefined ? undefined : [...rootCertificates, options.ca];
  const httpsAgent = new https.Agent({ keepAlive: true, maxSockets, ...(ca ? { ca } : {}) });

  function once(url: URL, init: HttpRequest): Promise<HttpResponse> {
    options.onRequest?.(init.method ?? 'GET', url);
    return new Promise((resolve, reject) => {
      const secure = url.protocol === 'https:';
      const requestOptions: https.RequestOptions = {
        method: init.method ?? 'GET',
        headers: { 'user-agent': 'whittle', ...init.headers },
        agent: secure ? httpsAgent : httpAgent,
        ...(secure && options.insecure(url.host) ? { rejectUnauthorized: false } : {}),
      };
      const req = (secure ? https : http).request(url, requestOptions, (res) => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: res, url });
      });
      req.setTimeout(options.idleTimeoutMs, () => {
        const e: NodeJS.ErrnoException = new Error(`no answer from ${url.host} for ${options.idleTimeoutMs / 1000}s`);
        e.code = 'ETIMEDOUT';
        req.destroy(e);
      });
      req.on('error', reject);
      req.end(init.body);
    });
  }

  return {
    async request(start, init = {}) {
      let url = start;
      let current = init;
      for (let hop = 0; ; hop++) {
        const res = await once(url, current);
        const location = res.headers.location;
        if (!REDIRECTS.has(res.status) || location === undefined) return res;
        res.body.resume();
        if (hop >= MAX_REDIRECTS) throw redirectError(`too many redirects from ${start.host}`);
        const next = new URL(location, url);
        if (next.protocol !== 'https:' && next.protocol !== 'http:') throw redirectError(`${url.host} redirected to an unsupported URL scheme ${next.protocol}`);
        if (url.protocol === 'https:' && next.protocol === 'http:' && !options.insecure(next.host)) {
          throw redirectError(`${url.host} redirected from HTTPS to plain HTTP at ${next.host}`);
        }
        const headers: Record<string, string> = { ...current.headers };
        // Blob storage behind a redirect must never see the registry's credentials (nor cookies).
        if (next.origin !== url.origin) {
          for (const k of Object.keys(headers)) if (/^(authorization|cookie)$/i.test(k)) delete headers[k];
        }
        const toGet = res.status === 303 || ((res.status === 301 || res.status === 302) && current.method === 'POST');
        current = toGet ? { method: 'GET', headers } : { ...current, headers };
        url = next;
      }
    },
  };
}
