// DL3010 cases, hadolint's own spec cases included.
import { dl3010 } from './dl3010-use-add-for-archives.js';
import { runRuleTests } from './testing.js';

runRuleTests(dl3010, {
  invalid: [
    { code: 'COPY packaged-app.tar /usr/src/app\nRUN tar -xf /usr/src/app/packaged-app.tar', findings: [{ line: 1, message: 'ADD' }],
      output: null, name: 'hadolint: catch: copy archive then extract 1' },
    { code: 'COPY packaged-app.tar /usr/src/app\nWORKDIR /usr/src/app\nRUN foo bar && echo something && tar -xf packaged-app.tar',
      findings: [{ line: 1, message: 'line 3' }], name: 'hadolint: catch: copy archive then extract 2' },
    { code: 'COPY foo/bar/packaged-app.tar /foo.tar\nRUN tar -xf /foo.tar', findings: [{ line: 1 }],
      name: 'hadolint: catch: copy archive then extract 3' },
    { code: 'COPY build\\foo\\bar.tar.gz "C:\\Program Files\\Foo"\nRUN tar -xf "C:\\Program Files\\Foo\\bar.tar.gz"',
      findings: [{ line: 1 }], name: 'hadolint: catch: copy archive then extract windows paths 1' },
    { code: 'COPY build\\foo\\bar.tar.gz "C:\\Program Files\\foo.tar.gz"\nRUN tar -xf foo.tar.gz', findings: [{ line: 1 }],
      name: 'hadolint: catch: copy archive then extract windows paths 2' },
    { code: 'FROM debian:12\nCOPY a.tgz b.zip.gz /tmp/\nRUN tar --extract -f /tmp/a.tgz && gunzip /tmp/b.zip.gz', findings: [{ line: 2 }, { line: 2 }],
      name: 'one finding per archive' },
    { code: 'FROM debian:12 AS build\nCOPY app.tar /src/\nRUN tar -xf /src/app.tar\nFROM debian:12\nCOPY --from=build /src /src',
      findings: [{ line: 2 }], name: 'an earlier stage counts too' }, // disagrees with hadolint: see the rule
  ],
  valid: [
    { code: 'COPY packaged-app.tar /usr/src/app\nFROM debian:11 as newstage', name: 'hadolint: ignore: copy archive without extract' },
    { code: 'COPY package.json /usr/src/app', name: 'hadolint: ignore: non archive' },
    { code: 'COPY --from=builder /usr/local/share/some.tar /opt/some.tar', name: 'hadolint: ignore: copy from previous stage' },
    { code: 'FROM debian:12\nCOPY app.tar /src/\nFROM debian:12\nRUN tar -xf /src/app.tar', name: 'the archive of another stage' },
    { code: 'FROM debian:12\nRUN tar -xf /src/app.tar\nCOPY app.tar /src/', name: 'unpacked before it is copied' },
    { code: 'FROM debian:12\nCOPY app.tar /src/\nRUN tar -tf /src/app.tar', name: 'listing is not extracting' },
    { code: 'FROM debian:12\nADD app.tar /src/\nRUN tar -xf /src/app.tar', name: 'ADD is what the rule asks for' },
  ],
});
