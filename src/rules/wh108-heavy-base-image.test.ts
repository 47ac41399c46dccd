// WH108 cases: full base images with a slim variant.
import { runRuleTests } from './testing.js';
import { wh108 } from './wh108-heavy-base-image.js';

runRuleTests(wh108, {
  invalid: [
    { code: 'FROM debian:bookworm\nRUN echo hi', findings: [{ line: 1, message: '`debian:bookworm-slim`' }] },
    { code: 'FROM debian\nCMD ["bash"]', findings: [{ line: 1, message: '`debian:stable-slim`' }], name: 'no tag' },
    { code: 'FROM python:3.12\nCOPY app.py .\nCMD ["python", "app.py"]', findings: [{ line: 1, message: '`python:3.12-slim`' }] },
    { code: 'FROM python:3.12-bookworm\nCMD ["python"]', findings: [{ line: 1, message: '`python:3.12-slim-bookworm`' }] },
    { code: 'FROM node:20\nCMD ["node", "server.js"]', findings: [{ line: 1, message: '`node:20-slim`' }] },
    { code: 'FROM docker.io/library/node:20-bookworm\nCMD ["node"]', findings: [{ line: 1, message: '`node:20-bookworm-slim`' }] },
    { code: 'FROM ruby:3.3\nCMD ["irb"]', findings: [{ line: 1, message: 'MB smaller' }] },
    { code: 'FROM openjdk:17\nCOPY app.jar /app.jar', findings: [{ line: 1, message: '`eclipse-temurin:17-jre`' }] },
    { code: 'FROM node:20 AS base\nFROM base\nONBUILD COPY . .', findings: [{ line: 1 }], name: 'base of the final stage, with ONBUILD' },
    { code: 'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM debian:12\nCOPY --from=build /app /app', findings: [{ line: 3, message: 'debian:12-slim' }] },
  ],
  valid: [
    'FROM debian:bookworm-slim',
    'FROM python:3.12-alpine',
    'FROM node:20-slim',
    'FROM eclipse-temurin:17-jre',
    'FROM ubuntu:24.04',
    'FROM node:20 AS build\nRUN npm ci\nFROM node:20-slim\nCOPY --from=build /app /app',
    'FROM python:3.12\nRUN pip wheel -w /wheels .', // a build step: WH107 speaks instead
    'FROM mycorp/node:20',
    'FROM node:20@sha256:0000000000000000000000000000000000000000000000000000000000000000',
  ],
});
