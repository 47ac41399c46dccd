// WH109 cases: whole-system upgrades in shipped stages.
import { runRuleTests } from './testing.js';
import { wh109 } from './wh109-package-upgrade.js';

runRuleTests(wh109, {
  invalid: [
    { code: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get upgrade -y', findings: [{ line: 2, message: '`apt-get upgrade -y`' }] },
    { code: 'FROM debian:bookworm-slim\nRUN apt-get -y dist-upgrade', findings: [{ line: 2 }] },
    { code: 'FROM ubuntu:24.04\nRUN apt full-upgrade -y', findings: [{ line: 2 }] },
    { code: 'FROM alpine:3.19\nRUN apk upgrade --no-cache', findings: [{ line: 2, message: 'newer base image' }] },
    { code: 'FROM alpine:3.19\nRUN apk --no-cache upgrade', findings: [{ line: 2 }], name: 'flag before the subcommand' },
    { code: 'FROM rockylinux:9\nRUN yum update -y && yum clean all', findings: [{ line: 2 }] },
    { code: 'FROM fedora:40\nRUN dnf -y upgrade', findings: [{ line: 2 }] },
    { code: 'FROM opensuse/leap\nRUN zypper -n dup', findings: [{ line: 2 }] },
    { code: 'FROM debian:bookworm-slim\nONBUILD RUN apt-get upgrade -y', findings: [{ line: 2 }], name: 'ONBUILD trigger' },
    { code: 'FROM debian AS base\nRUN apt-get upgrade -y\nFROM base', findings: [{ line: 2 }], name: 'parent stage ships' },
  ],
  valid: [
    'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y curl',
    'FROM rockylinux:9\nRUN yum update -y openssl',
    'FROM alpine:3.19\nRUN apk add --no-cache --upgrade curl',
    'FROM debian AS build\nRUN apt-get upgrade -y\nFROM debian:bookworm-slim\nCOPY --from=build /out /out',
    'FROM debian:bookworm-slim\nRUN pip install --upgrade pip',
  ],
});
