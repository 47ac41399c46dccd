// WH107 cases: SDK images that build and ship in the same stage.
import { runRuleTests } from './testing.js';
import { wh107 } from './wh107-sdk-base-in-final-stage.js';

runRuleTests(wh107, {
  invalid: [
    { code: 'FROM golang:1.22\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]', findings: [{ line: 1, message: '`go build -o /app .` on line 3' }] },
    { code: 'FROM maven:3-eclipse-temurin-17\nCOPY . .\nRUN mvn -B package', findings: [{ line: 1, message: 'SDK image `maven:3-eclipse-temurin-17`' }] },
    { code: 'FROM node:20\nCOPY . .\nRUN npm ci && npm run build', findings: [{ line: 1, message: 'npm run build' }] },
    { code: 'FROM eclipse-temurin:17\nRUN ./gradlew bootJar', findings: [{ line: 1 }] },
    { code: 'FROM rust:1\nRUN cargo build --release', findings: [{ line: 1, message: 'GB smaller' }] },
    { code: 'FROM python:3.12\nRUN python -m build --wheel', findings: [{ line: 1 }] },
    { code: 'FROM mcr.microsoft.com/dotnet/sdk:8.0\nRUN dotnet publish -c Release', findings: [{ line: 1 }] },
    { code: 'FROM golang:1.22\nONBUILD RUN go build -o /app .', findings: [{ line: 1 }], name: 'ONBUILD trigger builds in children' },
    { code: 'FROM golang:1.22 AS base\nRUN go build -o /app .\nFROM base\nCMD ["/app"]', findings: [{ line: 1 }], name: 'final stage built on an SDK stage' },
  ],
  valid: [
    'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM gcr.io/distroless/static\nCOPY --from=build /app /app',
    'FROM node:20-slim\nRUN npm ci && npm run build',
    'FROM eclipse-temurin:17-jre\nCOPY app.jar /app.jar',
    'FROM golang:1.22\nRUN go version',
    'FROM python:3.12\nRUN pip install flask',
    'FROM myorg/golang:1.22\nRUN go build .',
  ],
});
