// Registry references (`[host[:port]/]repo[:tag][@digest]`) as Docker reads them, and which hosts may speak plain HTTP.
import { WhittleError, err, ok } from '../../errors.js';
import type { Result } from '../../errors.js';
import { isDigest } from '../manifest.js';
import type { Digest } from '../model.js';

export interface RegistryRef {
  /** The registry as the user names it (`docker.io`, `localhost:5000`, `[::1]:5000`). */
  readonly registry: string;
  /** Where the API lives: Docker Hub answers at `registry-1.docker.io`; every other registry at its own name. */
  readonly endpoint: string;
  /** `library/alpine`, `team/app`. */
  readonly repository: string;
  /** Null when the reference names only a digest. */
  readonly tag: string | null;
  readonly digest: Digest | null;
}

const DOCKER_HUB = 'docker.io';
const HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
// One path component of a repository name, as the distribution spec defines it.
const COMPONENT_RE = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*$/;
const TAG_RE = /^[\w][\w.-]{0,127}$/;
const HOST_RE = /^(?:\[[0-9a-fA-F:.]+\]|[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*)(?::\d{1,5})?$/;

function usage(message: string, ref: string): { ok: false; error: WhittleError } {
  return err(new WhittleError('USAGE', message, { ref }));
}

/**
 * Parse a reference the way `docker pull` does: a first component with a `.` or `:`, or `localhost`, is a
 * registry; otherwise the image is on Docker Hub, where one-component names live under `library/`.
 * Without a tag or digest the tag is `latest`.
 */
export function parseReference(text: string): Result<RegistryRef> {
  let rest = text.trim();
  let digest: Digest | null = null;
  const at = rest.indexOf('@');
  if (at >= 0) {
    const shown = rest.slice(at + 1);
    const d: unknown = shown;
    if (!isDigest(d)) return usage(`invalid digest "${shown}"`, text);
    digest = d;
    rest = rest.slice(0, at);
  }
  let tag: string | null = null;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/') && !rest.endsWith(']')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG_RE.test(tag)) return usage(`invalid tag "${tag}"`, text);
  }
  const slash = rest.indexOf('/');
  const first = slash >= 0 ? rest.slice(0, slash) : '';
  let registry = DOCKER_HUB;
  let repository = rest;
  if (slash >= 0 && (first.includes('.') || first.includes(':') || first.startsWith('[') || first === 'localhost')) {
    if (!HOST_RE.test(first)) return usage(`invalid registry host "${first}"`, text);
    registry = HUB_ALIASES.has(first.toLowerCase()) ? DOCKER_HUB : first.toLowerCase();
    repository = rest.slice(slash + 1);
  }
  if (registry === DOCKER_HUB && !repository.includes('/')) repository = `library/${repository}`;
  if (repository === '' || !repository.split('/').every((c) => COMPONENT_RE.test(c))) {
    return usage(`invalid repository name "${repository}" (lowercase letters, digits and . _ - separators)`, text);
  }
  if (tag === null && digest === null) tag = 'latest';
  return ok({ registry, endpoint: registry === DOCKER_HUB ? 'registry-1.docker.io' : registry, repository, tag, digest });
}

/** What a manifest request asks for: the digest when there is one (it pins the image), else the tag. */
export function manifestReference(ref: RegistryRef): string {
  return ref.digest ?? ref.tag ?? 'latest';
}

/** `localhost:5000/app:1`, `docker.io/library/alpine@sha256:...` — the reference in full, for messages. */
export function formatReference(ref: RegistryRef): string {
  return `${ref.registry}/${ref.repository}${ref.tag !== null ? `:${ref.tag}` : ''}${ref.digest !== null ? `@${ref.digest}` : ''}`;
}

/** Split `host[:port]` (IPv6 in brackets) into the bare host name and the port text, if any. */
export function splitHost(hostPort: string): { host: string; port: string | null } {
  const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(hostPort);
  if (!m || m[1] === undefined) return { host: hostPort, port: null };
  return { host: m[1].replace(/^\[|\]$/g, ''), port: m[2] ?? null };
}

/** `localhost`, `127.0.0.0/8` and `::1`: the hosts Docker lets answer plain HTTP without being told. */
export function isLoopback(hostPort: string): boolean {
  const { host } = splitHost(hostPort);
  const h = host.toLowerCase();
  return h === 'localhost' || h.endsWith('.localhost') || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h) || h === '::1' || h === '0:0:0:0:0:0:0:1';
}

/** Hosts that are never a sensible token server for a registry elsewhere: loopback, link-local, unspecified. */
export function isLocalAddress(hostPort: string): boolean {
  const h = splitHost(hostPort).host.toLowerCase();
  return isLoopback(hostPort) || /^169\.254\./.test(h) || /^fe80:/.test(h) || h === '0.0.0.0' || h === '::';
}

/**
 * Whether a registry may be spoken to over plain HTTP (and, over HTTPS, without verifying its certificate):
 * loopback always, anything else only when listed, with or without its port, in --insecure-registry or
 * WHITTLE_INSECURE_REGISTRIES.
 */
export function isInsecureAllowed(hostPort: string, insecure: readonly string[]): boolean {
  if (isLoopback(hostPort)) return true;
  const want = hostPort.toLowerCase();
  const bare = splitHost(want).host;
  return insecure.some((entry) => {
    const e = entry.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/+$/, '');
    return e !== '' && (e === want || e === bare || (splitHost(e).port === null && splitHost(e).host === bare));
  });
}
