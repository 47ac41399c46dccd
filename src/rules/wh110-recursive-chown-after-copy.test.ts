// WH110 cases: recursive chown/chmod over files added in an earlier layer.
import { runRuleTests } from './testing.js';
import { wh110 } from './wh110-recursive-chown-after-copy.js';

runRuleTests(wh110, {
  invalid: [
    { code: 'FROM node:20-slim\nCOPY . /app\nRUN chown -R node:node /app', findings: [{ line: 3, message: '`COPY --chown=node:node` there' }] },
    { code: 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN chown -R node .', findings: [{ line: 4, message: 'added to /app on line 3' }] },
    { code: 'FROM debian:bookworm-slim\nADD app.tar.gz /opt/app/\nRUN chmod -R g+w /opt', findings: [{ line: 3, message: '`ADD --chmod=g+w`' }] },
    { code: 'FROM debian:bookworm-slim\nCOPY bin/ /opt/app/bin/\nRUN useradd app && chown --recursive app /opt/app/bin/tool', findings: [{ line: 3 }] },
    { code: 'FROM node:20-slim\nONBUILD COPY . /app\nONBUILD RUN chown -R node /app', findings: [{ line: 3 }], name: 'ONBUILD triggers' },
    { code: 'FROM debian AS base\nCOPY . /srv\nFROM base\nRUN chown -R www-data /srv', findings: [{ line: 4 }], name: 'across FROM <stage>' },
  ],
  valid: [
    'FROM node:20-slim\nCOPY --chown=node:node . /app',
    'FROM node:20-slim\nCOPY . /app\nRUN chown node /app',
    'FROM node:20-slim\nCOPY . /app\nRUN mkdir /data && chown -R node /data',
    'FROM node:20-slim\nRUN mkdir /app && chown -R node /app\nCOPY . /app',
    'FROM debian AS build\nCOPY . /src\nRUN chown -R nobody /src\nFROM debian:bookworm-slim\nCOPY --from=build /src/out /app',
  ],
});
