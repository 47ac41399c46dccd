// DL3006 cases, hadolint's own spec cases included.
import { dl3006 } from './dl3006-tag-image-version.js';
import { runRuleTests } from './testing.js';

const localAliases = 'FROM golang:1.9.3-alpine3.7 AS build\nRUN foo\nFROM build as unit-test\nRUN bar\nFROM alpine:3.7\nRUN baz';
const otherUntagged = 'FROM golang:1.9.3-alpine3.7 AS build\nRUN foo\nFROM node as unit-test\nRUN bar\nFROM alpine:3.7\nRUN baz';
const onbuild = (code: string): string => code.replace(/^RUN /gm, 'ONBUILD RUN ');

runRuleTests(dl3006, {
  invalid: [
    { code: 'FROM debian', findings: [{ line: 1, message: 'debian:<version>' }], output: null, name: 'hadolint: no untagged' },
    { code: 'FROM debian AS builder', findings: [{ line: 1 }], name: 'hadolint: no untagged with name' },
    { code: otherUntagged, findings: [{ line: 3 }], name: 'hadolint: other untagged cases are not ok' },
    { code: onbuild(otherUntagged), findings: [{ line: 3 }], name: 'hadolint: other untagged cases are not ok (ONBUILD)' },
    { code: 'FROM build\nFROM alpine:3 AS build', findings: [{ line: 1 }], name: 'an alias defined later is not a stage yet' },
    { code: 'FROM registry.example.com:5000/team/app', findings: [{ line: 1 }], name: 'registry port is not a tag' },
  ],
  valid: [
    { code: 'FROM ruby@sha256:f1dbca0f5dbc9', name: 'hadolint: untagged digest is not an error' },
    { code: 'FROM ruby:2', name: 'hadolint: untagged digest is not an error (tagged)' },
    { code: 'FROM ${VALUE}', name: 'hadolint: using args is not an error' },
    { code: localAliases, name: 'hadolint: local aliases are OK to be untagged' },
    { code: onbuild(localAliases), name: 'hadolint: local aliases are OK to be untagged (ONBUILD)' },
    { code: 'FROM scratch', name: 'hadolint: scratch' },
    { code: 'FROM golang:1.22 AS Build\nFROM build', name: 'stage names match case-insensitively, as in BuildKit' },
  ],
});
