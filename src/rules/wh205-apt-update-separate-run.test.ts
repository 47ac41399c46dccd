// WH205 cases: apt-get update and install split across RUNs.
import { runRuleTests } from './testing.js';
import { wh205 } from './wh205-apt-update-separate-run.js';

runRuleTests(wh205, {
  invalid: [
    { code: 'FROM debian:bookworm-slim\nRUN apt-get update\nRUN apt-get install -y curl', findings: [{ line: 3, message: 'on line 2' }] },
    { code: 'FROM ubuntu:24.04\nRUN apt update\nRUN echo x\nRUN apt install -y git && rm -rf /var/lib/apt/lists/*', findings: [{ line: 4 }] },
    { code: 'FROM debian\nRUN apt-get update\nRUN apt-get install -y a\nRUN apt-get install -y b', findings: [{ line: 3 }, { line: 4 }] },
    { code: 'FROM debian AS base\nRUN apt-get update\nFROM base\nRUN apt-get install -y curl', findings: [{ line: 4 }], name: 'update in the parent stage' },
    { code: 'FROM debian\nONBUILD RUN apt-get update\nONBUILD RUN apt-get install -y curl', findings: [{ line: 3 }], name: 'ONBUILD triggers' },
  ],
  valid: [
    'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y curl',
    'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y a\nRUN apt-get update && apt-get install -y b',
    'FROM debian:bookworm-slim\nRUN apt-get install -y curl',
    'FROM debian AS a\nRUN apt-get update\nFROM debian\nRUN apt-get install -y curl',
    'FROM debian\nONBUILD RUN apt-get update\nRUN apt-get install -y curl',
  ],
});
