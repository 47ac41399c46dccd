#!/usr/bin/env node
// whittle's entry point: runs the compiled CLI (npm install builds dist/) and sets the exit code.
import { main } from '../dist/whittle.js';

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
});
