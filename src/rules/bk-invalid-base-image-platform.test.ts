// InvalidBaseImagePlatform against BuildKit's check test (restated) and whittle's own cases.
import { invalidBaseImagePlatform } from './bk-invalid-base-image-platform.js';
import { runRuleTests } from './testing.js';

const ref = 'localhost:5000/whittle/base:1';
const armOnly = { basePlatforms: { [ref]: 'linux/arm64' }, targetPlatform: 'linux/amd64' };

runRuleTests(invalidBaseImagePlatform, {
  invalid: [
    { name: 'buildkit: a single-platform base for another architecture', code: `\nFROM ${ref}\nENV mode=prod\n`, context: armOnly,
      findings: [{ line: 2, message: `Base image ${ref} was pulled with platform "linux/arm64", expected "linux/amd64" for current build` }] },
    { name: 'FROM --platform names what is expected', code: `FROM --platform=linux/s390x ${ref}\n`, context: armOnly,
      findings: [{ line: 1, message: 'expected "linux/s390x"' }] },
    { name: 'an ARG in FROM is expanded', code: `ARG BASE=${ref}\nFROM $BASE\n`, context: armOnly, findings: [{ line: 2 }] },
  ],
  valid: [
    { name: 'matching platform', code: `FROM ${ref}\n`, context: { basePlatforms: { [ref]: 'linux/amd64' }, targetPlatform: 'linux/amd64' } },
    { name: 'variant alone differs', code: `FROM ${ref}\n`, context: { basePlatforms: { [ref]: 'linux/arm64/v8' }, targetPlatform: 'linux/arm64' } },
    { name: 'FROM --platform agrees with the image', code: `FROM --platform=linux/arm64 ${ref}\n`, context: armOnly },
    { name: 'base not read', code: `FROM ${ref}\n`, context: { targetPlatform: 'linux/amd64' } },
    { name: 'target unknown and FROM uses a predefined ARG', code: `FROM --platform=$BUILDPLATFORM ${ref}\n`, context: { basePlatforms: { [ref]: 'linux/arm64' } } },
    { name: 'scratch and stages are not images', code: 'FROM scratch AS a\nFROM a\n', context: { targetPlatform: 'linux/amd64' } },
  ],
});
