// DL3020 cases: hadolint's spec, plus when ADD -> COPY is safe to apply.
import { dl3020 } from './dl3020-copy-not-add.js';
import { runRuleTests } from './testing.js';

runRuleTests(dl3020, {
  invalid: [
    { code: 'ADD file /usr/src/app/', findings: [{ line: 1, message: 'COPY' }], output: 'COPY file /usr/src/app/',
      name: 'hadolint: using add' },
    { code: 'ADD file.zip /usr/src/app/', findings: [{ line: 1 }], output: 'COPY file.zip /usr/src/app/',
      name: 'hadolint: warn for zip' },
    { code: 'ADD "file.zip" /usr/src/app/', findings: [{ line: 1 }], output: 'COPY "file.zip" /usr/src/app/',
      name: 'hadolint: warn for zip with quotes' },
    { code: 'FROM alpine\nadd --chown=app a.txt b.txt /app/', findings: [{ line: 2 }],
      output: 'FROM alpine\ncopy --chown=app a.txt b.txt /app/', name: 'lower-case keyword and COPY-compatible flag' },
    { code: 'FROM alpine\nADD ["a b.txt", "/app/"]', findings: [{ line: 2 }], output: 'FROM alpine\nCOPY ["a b.txt", "/app/"]',
      name: 'exec form' },
    { code: 'FROM alpine\nADD app.tar.gz notes.txt /app/', findings: [{ line: 2 }], output: null,
      name: 'an archive among plain files would be unpacked by ADD and shipped whole by COPY: no fix' },
    { code: 'FROM alpine\nADD $PKG /app/', findings: [{ line: 2 }], output: null, name: 'a variable may name an archive: no fix' },
    { code: 'FROM alpine\nADD git@github.com:moby/buildkit.git /src', findings: [{ line: 2 }], output: null,
      name: 'git remote only ADD can fetch: no fix' },
    { code: 'FROM alpine\nADD --checksum=sha256:abc file /app/', findings: [{ line: 2 }], output: null,
      name: 'ADD-only flag: no fix' },
  ],
  valid: [
    { code: 'ADD file.tar /usr/src/app/', name: 'hadolint: add for tar' },
    { code: 'ADD file.gz /usr/src/app/', name: 'hadolint: add for gzip' },
    { code: 'ADD file.bz2 /usr/src/app/', name: 'hadolint: add for bz2' },
    { code: 'ADD file.xz /usr/src/app/', name: 'hadolint: add for xz' },
    { code: 'ADD file.tgz /usr/src/app/', name: 'hadolint: add for tgz' },
    { code: 'ADD http://file.com /usr/src/app/', name: 'hadolint: add for url' },
    { code: 'ADD "file.tgz" /usr/src/app/', name: 'hadolint: add for tgz with quotes' },
    { code: 'ADD "http://file.com" /usr/src/app/', name: 'hadolint: add for url with quotes' },
    { code: 'FROM alpine\nADD https://example.com/a.tgz b.tar.xz /opt/', name: 'only URLs and archives' },
    { code: 'FROM alpine\nONBUILD ADD file /app/', name: 'ONBUILD triggers are not checked (as hadolint)' },
    { code: 'FROM alpine\nCOPY file /app/', name: 'COPY' },
  ],
});
