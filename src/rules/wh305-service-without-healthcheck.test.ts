// WH305 cases: service images without a health check, and images that decided or need none.
import { runRuleTests } from './testing.js';
import { wh305 } from './wh305-service-without-healthcheck.js';

runRuleTests(wh305, {
  invalid: [
    { code: 'FROM node:20\nEXPOSE 3000\nCMD ["node", "index.js"]', findings: [{ line: 2, message: 'serves on 3000 but has no HEALTHCHECK' }] },
    { code: 'FROM python:3.12\nCMD ["gunicorn", "app:app"]', findings: [{ line: 2, message: 'CMD starts a server (gunicorn)' }] },
    { code: 'FROM python:3.12\nCMD python manage.py runserver 0.0.0.0:8000', findings: [{ line: 2, message: 'runserver' }] },
    { code: 'FROM node:20\nCMD ["node", "dist/server.js"]', findings: [{ line: 2, message: 'dist/server.js' }] },
    { code: 'FROM ruby:3.3\nENTRYPOINT ["bundle", "exec"]\nCMD ["puma", "-C", "config/puma.rb"]', findings: [{ line: 3 }] },
    { code: 'FROM alpine\nENTRYPOINT ["/app", "--listen=:8080"]', findings: [{ line: 2, message: '--listen=:8080' }] },
    { code: 'FROM nginx:1.27\nCMD ["nginx", "-g", "daemon off;"]', findings: [{ line: 2 }] },
    { code: 'FROM python:3.12\nCMD ["python", "-m", "http.server", "8000"]', findings: [{ line: 2, message: 'http.server' }] },
    {
      code: 'FROM node:20 AS build\nHEALTHCHECK CMD curl -f http://localhost/\nRUN npm ci\nFROM node:20-slim\nEXPOSE 8080',
      findings: [{ line: 5 }],
      name: 'a HEALTHCHECK in a stage the final one does not build on',
    },
    {
      code: 'FROM node:20 AS base\nEXPOSE 8080\nFROM base\nCMD ["node", "main.js"]',
      findings: [{ line: 2 }],
      name: 'EXPOSE inherited from the parent stage',
    },
    {
      code: 'FROM node:20\nONBUILD HEALTHCHECK CMD curl -f http://localhost/\nEXPOSE 80',
      findings: [{ line: 3 }],
      name: 'ONBUILD HEALTHCHECK applies only to child images',
    },
  ],
  valid: [
    'FROM node:20\nEXPOSE 3000\nHEALTHCHECK CMD curl -f http://localhost:3000/health || exit 1\nCMD ["node", "index.js"]',
    'FROM node:20\nEXPOSE 3000\nHEALTHCHECK NONE',
    'FROM node:20 AS base\nHEALTHCHECK --interval=30s CMD node healthcheck.js\nFROM base\nEXPOSE 3000',
    'FROM alpine\nCMD ["sh", "-c", "echo done"]',
    'FROM golang:1.22\nENTRYPOINT ["go", "test", "./..."]',
    'FROM alpine\nRUN apk add nginx',
    'FROM alpine\nENTRYPOINT ["/run-tests", "--server-url", "http://api:8080"]',
    'FROM node:20 AS web\nEXPOSE 3000\nFROM alpine\nCOPY --from=web /app /app\nCMD ["/app/migrate"]',
  ],
});
