// WH105 cases: cleanups that come a layer too late.
import { runRuleTests } from './testing.js';
import { wh105 } from './wh105-cleanup-in-later-layer.js';

runRuleTests(wh105, {
  invalid: [
    { code: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y curl\nRUN rm -rf /var/lib/apt/lists/*',
      findings: [{ line: 3, message: 'on line 3 frees nothing: the apt package lists come from `apt-get update` on line 2' }],
      output: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y curl \\\n    && rm -rf /var/lib/apt/lists/*\n' },
    { code: 'FROM debian:bookworm-slim\nRUN apt-get update\nRUN apt-get install -y curl\nRUN apt-get clean && rm -rf /var/lib/apt/lists/*',
      findings: [{ line: 4, message: 'apt package lists' }, { line: 4, message: 'downloaded .deb archives' }], name: 'two caches, two findings',
      // The lists cannot move: the install in between still needs them.
      output: 'FROM debian:bookworm-slim\nRUN apt-get update\nRUN apt-get install -y curl \\\n    && apt-get clean\nRUN apt-get clean && rm -rf /var/lib/apt/lists/*' },
    { code: 'FROM alpine:3.19\nRUN apk add curl\nRUN rm -rf /var/cache/apk/*', findings: [{ line: 3, message: 'apk cache' }] },
    { code: 'FROM node:20-slim\nRUN npm ci\nCOPY . .\nRUN npm cache clean --force', findings: [{ line: 4, message: 'line 2' }],
      output: 'FROM node:20-slim\nRUN npm ci \\\n    && npm cache clean --force\nCOPY . .\n' },
    { code: 'FROM python:3.12-slim\nRUN pip install flask\nRUN pip install gunicorn\nRUN pip cache purge',
      findings: [{ line: 4, message: 'lines 2, 3' }] },
    { code: 'FROM rockylinux:9\nRUN dnf install -y git\nRUN dnf clean all', findings: [{ line: 3, message: 'yum/dnf' }] },
    { code: 'FROM debian AS base\nRUN apt-get update\nFROM base\nRUN rm -rf /var/lib/apt/lists/*', findings: [{ line: 4 }], name: 'across a FROM <stage>' },
  ],
  valid: [
    'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*',
    'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nRUN rm -rf /var/lib/apt/lists/*',
    'FROM debian:bookworm-slim\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update\nRUN rm -rf /var/lib/apt/lists/*',
    'FROM alpine:3.19\nRUN apk add --no-cache curl\nRUN rm -rf /var/cache/apk/*',
    'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y a\nRUN apt-get update && apt-get install -y b && rm -rf /var/lib/apt/lists/*',
    'FROM debian:bookworm-slim\nRUN rm -rf /var/lib/apt/lists/*',
    'FROM debian AS build\nRUN apt-get update\nFROM debian\nRUN rm -rf /var/lib/apt/lists/*',
    'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\nRUN pip cache purge',
  ],
});
