// WH307 cases: every way of switching TLS verification off, and the look-alikes that keep it on.
import { runRuleTests } from './testing.js';
import { wh307 } from './wh307-tls-verification-off.js';

runRuleTests(wh307, {
  invalid: [
    { code: 'FROM alpine\nRUN curl -k https://x.example.com/a -o /a', findings: [{ line: 2, message: 'curl --insecure: TLS certificate checks are off' }] },
    { code: 'FROM alpine\nRUN curl -fsSLk https://x.example.com/a -o /a', findings: [{ line: 2 }], name: 'combined short flags' },
    { code: 'FROM alpine\nRUN curl --insecure -o /a https://x.example.com/a', findings: [{ line: 2 }] },
    { code: 'FROM debian\nRUN wget --no-check-certificate https://x.example.com/a', findings: [{ line: 2, message: 'wget --no-check-certificate' }] },
    { code: 'FROM python:3.12\nRUN pip install --trusted-host pypi.internal -r requirements.txt', findings: [{ line: 2, message: 'pip --trusted-host' }] },
    { code: 'FROM python:3.12\nRUN python -m pip install --trusted-host=pypi.internal app', findings: [{ line: 2 }] },
    { code: 'FROM python:3.12\nRUN pip config set global.trusted-host pypi.internal', findings: [{ line: 2 }] },
    { code: 'FROM node:20\nRUN npm config set strict-ssl false && npm ci', findings: [{ line: 2, message: 'npm config set strict-ssl false' }] },
    { code: 'FROM node:20\nRUN yarn config set strict-ssl false', findings: [{ line: 2 }] },
    { code: 'FROM node:20\nRUN npm ci --strict-ssl=false', findings: [{ line: 2 }] },
    { code: 'FROM alpine\nRUN git -c http.sslVerify=false clone https://git.internal/app.git', findings: [{ line: 2, message: 'git -c http.sslVerify=false' }] },
    { code: 'FROM alpine\nRUN git config --global http.sslverify false', findings: [{ line: 2 }] },
    { code: 'FROM alpine\nRUN GIT_SSL_NO_VERIFY=1 git clone https://git.internal/app.git', findings: [{ line: 2, message: 'GIT_SSL_NO_VERIFY=1' }] },
    { code: 'FROM alpine\nENV GIT_SSL_NO_VERIFY=true', findings: [{ line: 2, message: 'ENV GIT_SSL_NO_VERIFY=true' }] },
    { code: 'FROM node:20\nENV NODE_TLS_REJECT_UNAUTHORIZED=0', findings: [{ line: 2 }] },
    { code: 'FROM node:20\nARG NODE_TLS_REJECT_UNAUTHORIZED=0', findings: [{ line: 2, message: 'ARG NODE_TLS_REJECT_UNAUTHORIZED=0' }] },
    { code: 'FROM node:20\nRUN export NODE_TLS_REJECT_UNAUTHORIZED=0 && npm ci', findings: [{ line: 2, message: 'export NODE_TLS' }] },
    { code: 'FROM python:3.12\nENV PIP_TRUSTED_HOST=pypi.internal', findings: [{ line: 2 }] },
    { code: 'FROM debian\nRUN apt-get -o Acquire::https::Verify-Peer=false update', findings: [{ line: 2 }] },
    { code: 'FROM alpine\nRUN curl -k https://a.example.com && wget --no-check-certificate https://b.example.com', findings: [{ line: 2 }, { line: 2 }], name: 'twice' },
    { code: 'FROM alpine\nONBUILD RUN curl -k https://x.example.com/a', findings: [{ line: 2 }], name: 'ONBUILD RUN' },
    {
      code: 'FROM node:20 AS build\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\nRUN npm ci\nFROM node:20-slim\nCOPY --from=build /app /app',
      findings: [{ line: 2 }],
      name: 'build stage: the download there is just as exposed',
    },
  ],
  valid: [
    'FROM alpine\nRUN curl -fsSL https://x.example.com/a -o /a',
    'FROM alpine\nRUN curl -K /etc/curlrc https://x.example.com/a',
    'FROM alpine\nRUN wget -q https://x.example.com/a',
    'FROM python:3.12\nRUN pip install --index-url https://pypi.internal/simple app',
    'FROM node:20\nRUN npm config set strict-ssl true',
    'FROM alpine\nRUN git -c http.sslVerify=true clone https://git.internal/app.git',
    'FROM node:20\nENV NODE_TLS_REJECT_UNAUTHORIZED=1',
    'FROM alpine\nENV GIT_SSL_NO_VERIFY=',
    'FROM alpine\nENV GIT_SSL_NO_VERIFY=${GIT_SSL_NO_VERIFY}',
    'FROM alpine\nRUN echo "-k is curl\'s insecure flag"',
  ],
});
