// WH201 cases: installs with no manifest-only COPY before them.
import { runRuleTests } from './testing.js';
import { wh201 } from './wh201-no-manifest-copy.js';

runRuleTests(wh201, {
  invalid: [
    { code: 'FROM node:20-slim\nCOPY package.json yarn.lock lib ./\nRUN yarn install', findings: [{ line: 3, message: 'line 2' }] },
    { code: 'FROM python:3.12-slim\nCOPY project/ /app/\nRUN pip install -r /app/requirements.txt', findings: [{ line: 3 }] },
    { code: 'FROM golang:1.22\nCOPY cmd cmd\nCOPY go.* internal ./\nRUN go mod download', findings: [{ line: 4, message: 'lines 2, 3' }] },
    { code: 'FROM node:20-slim\nRUN --mount=type=bind,target=. npm ci', findings: [{ line: 2, message: 'bind-mounted' }] },
    { code: 'FROM node:20-slim\nONBUILD COPY web/ .\nONBUILD RUN npm ci', findings: [{ line: 3 }], name: 'ONBUILD triggers' },
    { code: 'FROM ruby:3.3 AS base\nCOPY web/ /app/\nFROM base\nRUN bundle install', findings: [{ line: 4 }], name: 'copy in the parent stage' },
  ],
  valid: [
    'FROM node:20-slim\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .',
    'FROM node:20-slim\nCOPY package*.json ./\nRUN npm ci',
    'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt',
    'FROM golang:1.22\nCOPY go.mod go.sum ./\nRUN go mod download',
    'FROM node:20-slim\nCOPY . .\nRUN npm ci', // WH200 reports this one
    'FROM node:20-slim\nRUN --mount=type=bind,source=package.json,target=package.json npm ci',
    'FROM node:20-slim\nRUN npm ci',
    'FROM node:20-slim\nCOPY lib/ ./lib\nRUN npm run build',
    'FROM node:20-slim\nONBUILD COPY web/ .\nRUN npm ci',
  ],
});
