// A deterministic corpus of varied Dockerfiles for the lint benchmark: bases x package managers x layouts.
const BASES = ['debian:12', 'debian:bookworm-slim', 'ubuntu:22.04', 'alpine:3.20', 'node:20', 'node:20-alpine', 'python:3.12',
  'python:3.12-slim', 'golang:1.22', 'maven:3.9-eclipse-temurin-21', 'centos:7', 'fedora:40', 'opensuse/leap:15.5', 'ruby:3.3', 'rust:1.79'];

const INSTALLS: Readonly<Record<string, readonly string[]>> = {
  apt: ['apt-get update && apt-get install -y curl ca-certificates', 'apt-get update && apt-get install -y --no-install-recommends git=1:2.39.* \\\n    && rm -rf /var/lib/apt/lists/*', 'apt-get install -y build-essential python3-dev'],
  apk: ['apk add --no-cache curl=8.9.1-r0', 'apk update && apk add git', 'apk add --virtual .build gcc musl-dev && apk del .build'],
  yum: ['yum install -y httpd && yum clean all', 'yum install httpd-2.4.6'],
  dnf: ['dnf install -y nginx && dnf clean all', 'dnf install nginx'],
  zypper: ['zypper install -y curl && zypper clean', 'zypper dist-upgrade'],
  npm: ['npm ci --omit=dev && npm cache clean --force', 'npm install express', 'npm install -g typescript@5.5.4'],
  pip: ['pip install --no-cache-dir -r requirements.txt', 'pip install flask', 'python -m pip install requests==2.32.3'],
  go: ['go mod download', 'go build -o /out/app ./cmd/app', 'go install golang.org/x/tools/gopls@latest'],
  gem: ['gem install bundler:2.5.11', 'bundle install'],
  cargo: ['cargo build --release'],
  mvn: ['mvn -B package -DskipTests'],
};

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function pick<T>(r: () => number, list: readonly T[]): T {
  const v = list[Math.floor(r() * list.length)];
  if (v === undefined) throw new Error('empty list');
  return v;
}

export function generateCorpus(count: number, seed = 42): { name: string; text: string }[] {
  const r = rng(seed);
  const managers = Object.keys(INSTALLS);
  const out: { name: string; text: string }[] = [];
  for (let i = 0; i < count; i++) {
    const lines: string[] = [];
    if (r() < 0.4) lines.push('# syntax=docker/dockerfile:1');
    if (r() < 0.3) lines.push('ARG BASE_TAG=1.0');
    const multi = r() < 0.4;
    lines.push(`FROM ${pick(r, BASES)}${multi ? ' AS build' : ''}`);
    if (r() < 0.2) lines.push('MAINTAINER someone@example.com');
    lines.push(`WORKDIR ${r() < 0.9 ? '/app' : 'app'}`);
    if (r() < 0.5) lines.push('COPY package*.json ./');
    const steps = 2 + Math.floor(r() * 8);
    for (let s = 0; s < steps; s++) {
      const m = pick(r, managers);
      const cmd = pick(r, INSTALLS[m] ?? []);
      const mount = r() < 0.15 ? '--mount=type=cache,target=/root/.cache ' : '';
      lines.push(`RUN ${mount}${cmd}`);
      if (r() < 0.3) lines.push(`ENV STEP_${s}=${s} PATH=/opt/bin:$PATH`);
      if (r() < 0.2) lines.push(`COPY src/ /app/src/`);
      if (r() < 0.1) lines.push('RUN cd /app && make');
      if (r() < 0.1) lines.push('RUN curl -fsSL https://example.com/install.sh | sh');
    }
    if (r() < 0.5) lines.push('COPY . .');
    if (multi) {
      lines.push(`FROM ${pick(r, ['gcr.io/distroless/static:nonroot', 'alpine:3.20', 'debian:bookworm-slim'])}`);
      lines.push('COPY --from=build /app /app');
    }
    if (r() < 0.5) lines.push(`USER ${r() < 0.5 ? 'app' : '1000'}`);
    // dockerfilelint crashes on a HEALTHCHECK without options, so the corpus always gives one.
    if (r() < 0.3) lines.push('HEALTHCHECK --interval=30s CMD curl -f http://localhost/ || exit 1');
    lines.push(`EXPOSE ${8000 + Math.floor(r() * 1000)}`);
    lines.push(r() < 0.5 ? 'CMD ["node", "server.js"]' : 'CMD node server.js');
    if (r() < 0.2) lines.push('LABEL org.opencontainers.image.version="1.2.3" maintainer="a@b.c"');
    out.push({ name: `corpus-${String(i).padStart(3, '0')}.Dockerfile`, text: `${lines.join('\n')}\n` });
  }
  return out;
}
