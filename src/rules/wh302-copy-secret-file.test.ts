// WH302 cases: credential files named in COPY/ADD, and the look-alikes that hold nothing secret.
import { runRuleTests } from './testing.js';
import { wh302 } from './wh302-copy-secret-file.js';

runRuleTests(wh302, {
  invalid: [
    { code: 'FROM node:20\nCOPY .env /app/', findings: [{ line: 2, message: 'COPY .env puts a dotenv file into a layer' }] },
    { code: 'FROM node:20\nCOPY .env.production /app/.env', findings: [{ line: 2 }] },
    { code: 'FROM node:20\nCOPY .env* /app/', findings: [{ line: 2 }], name: 'dotenv glob' },
    { code: 'FROM alpine\nCOPY id_rsa /root/.ssh/id_rsa', findings: [{ line: 2, message: 'SSH private key' }] },
    { code: 'FROM alpine\nCOPY keys/id_ed25519 /root/.ssh/', findings: [{ line: 2 }] },
    { code: 'FROM nginx\nCOPY tls/server.key tls/server.crt /etc/nginx/tls/', findings: [{ line: 2, message: 'tls/server.key' }] },
    { code: 'FROM nginx\nCOPY server-key.pem /etc/nginx/', findings: [{ line: 2, message: 'a PEM file' }] },
    { code: 'FROM openjdk\nCOPY keystore.p12 /app/', findings: [{ line: 2, message: 'PKCS#12' }] },
    { code: 'FROM node:20\nCOPY package.json .npmrc ./', findings: [{ line: 2, message: 'an .npmrc' }] },
    { code: 'FROM python:3.12\nCOPY .pypirc /root/', findings: [{ line: 2 }] },
    { code: 'FROM alpine\nADD .netrc /root/.netrc', findings: [{ line: 2 }] },
    { code: 'FROM alpine\nCOPY .git-credentials /root/', findings: [{ line: 2 }] },
    { code: 'FROM docker\nCOPY .docker/config.json /root/.docker/', findings: [{ line: 2, message: 'Docker registry credentials' }] },
    { code: 'FROM amazon/aws-cli\nCOPY ./.aws/credentials /root/.aws/', findings: [{ line: 2, message: 'AWS credentials' }] },
    { code: 'FROM bitnami/kubectl\nCOPY kubeconfig /root/.kube/config', findings: [{ line: 2, message: 'kubeconfig' }] },
    { code: 'FROM bitnami/kubectl\nCOPY ["deploy/.kube/config", "/root/.kube/config"]', findings: [{ line: 2 }], name: 'JSON form' },
    { code: 'FROM node:20\nCOPY .npmrc .env ./', findings: [{ line: 2 }, { line: 2 }], name: 'two secret files' },
    { code: 'FROM node:20\nONBUILD COPY .npmrc ./', findings: [{ line: 2 }], name: 'ONBUILD COPY' },
    {
      code: 'FROM node:20 AS deps\nCOPY .npmrc package.json ./\nRUN npm ci\nFROM node:20-slim\nCOPY --from=deps /node_modules /app/node_modules',
      findings: [{ line: 2 }],
      name: 'build stage: the file is still in that stage\'s cache and history',
    },
    { code: 'FROM alpine AS a\nFROM alpine\nCOPY --from=a /root/.ssh/id_rsa /root/.ssh/', findings: [{ line: 3 }], name: 'from a stage' },
  ],
  valid: [
    'FROM node:20\nCOPY .env.example /app/.env',
    'FROM node:20\nCOPY . .',
    'FROM alpine\nCOPY id_rsa.pub /root/.ssh/authorized_keys',
    'FROM alpine\nCOPY ca.pem /usr/local/share/ca-certificates/ca.crt',
    'FROM alpine\nCOPY certs/fullchain.pem /etc/ssl/',
    'FROM node:20\nCOPY package.json package-lock.json ./',
    'FROM node:20\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci',
    'FROM alpine\nCOPY environment.txt keys/ /app/',
    'FROM alpine\nADD https://example.com/server.key /tmp/',
    'FROM alpine\nCOPY docker/config.json /etc/app/',
  ],
});
