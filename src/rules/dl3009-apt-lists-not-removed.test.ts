// DL3009 cases, hadolint's own spec cases included.
import { dl3009 } from './dl3009-apt-lists-not-removed.js';
import { runRuleTests } from './testing.js';

const onbuild = (code: string): string => code.replace(/^RUN /gm, 'ONBUILD RUN ');
const inStage = 'FROM ubuntu as foo\nRUN apt-get update && apt-get install python\nFROM scratch\nRUN echo hey!';
const lastStage = 'FROM ubuntu as foo\nRUN hey!\nFROM scratch\nRUN apt-get update && apt-get install python';
const intermediate = 'FROM ubuntu as foo\nRUN apt-get update && apt-get install python\nFROM foo\nRUN hey!';
const intermediateCleans = 'FROM ubuntu as foo\nRUN apt-get update && apt-get install python && rm -rf /var/lib/apt/lists/*\nFROM foo\nRUN hey!';
const notUsedLater = 'FROM ubuntu as foo\nRUN apt-get update && apt-get install python\nFROM scratch\nRUN hey!';
const listsMount = 'RUN --mount=type=cache,target=/var/lib/apt/lists \\\n    apt-get update && apt-get install python';
const aptMounts1 = 'RUN --mount=type=cache,target=/var/lib/apt \\\n    --mount=type=cache,target=/var/cache/apt \\\n'
  + '    rm -f /etc/apt/apt.conf.d/docker-clean && \\\n    apt-get update && apt-get install python';
const aptMounts2 = 'RUN rm -f /etc/apt/apt.conf.d/docker-clean\nRUN --mount=type=cache,target=/var/cache/apt \\\n'
  + '    --mount=type=cache,target=/var/lib/apt \\\n    apt-get update && apt-get install foo';
const cacheOnly = 'RUN --mount=type=cache,target=/var/cache/apt \\\n    rm -f /etc/apt/apt.conf.d/docker-clean && \\\n'
  + '    apt-get update && apt-get install python';
const libOnly = 'RUN rm -f /etc/apt/apt.conf.d/docker-clean\nRUN --mount=type=cache,target=/var/lib/apt \\\n'
  + '    apt-get update && apt-get install python';
const mounts = (a: string, b: string): string =>
  `RUN \\\n  --mount=type=${a},target=/var/cache/apt \\\n  --mount=type=${b},target=/var/lib/apt \\\n  apt-get update`;

runRuleTests(dl3009, {
  invalid: [
    { code: 'FROM scratch\nRUN apt-get update && apt-get install python', findings: [{ line: 2, message: '/var/lib/apt/lists' }],
      output: 'FROM scratch\nRUN apt-get update && apt-get install python \\\n    && rm -rf /var/lib/apt/lists/*',
      name: 'hadolint: apt-get no cleanup' },
    { code: 'FROM scratch\nONBUILD RUN apt-get update && apt-get install python', findings: [{ line: 2 }], output: null,
      name: 'hadolint: apt-get no cleanup (ONBUILD)' },
    { code: onbuild(inStage), findings: [{ line: 2 }], name: 'hadolint: apt-get cleanup in stage image (ONBUILD)' },
    { code: lastStage, findings: [{ line: 4 }], name: 'hadolint: apt-get no cleanup in last stage' },
    { code: onbuild(lastStage), findings: [{ line: 4 }], name: 'hadolint: apt-get no cleanup in last stage (ONBUILD)' },
    { code: intermediate, findings: [{ line: 2 }], name: 'hadolint: apt-get no cleanup in intermediate stage' },
    { code: onbuild(intermediate), findings: [{ line: 2 }], name: 'hadolint: apt-get no cleanup in intermediate stage (ONBUILD)' },
    { code: onbuild(notUsedLater), findings: [{ line: 2 }],
      name: 'hadolint: no warn apt-get cleanup in intermediate stage when stage not used later (ONBUILD)' },
    { code: cacheOnly, findings: [{ line: 1 }], name: 'hadolint: warn: BuildKit cache mount to apt cache directory only' },
    { code: onbuild(cacheOnly), findings: [{ line: 1 }], name: 'hadolint: warn: BuildKit cache mount to apt cache directory only (ONBUILD)' },
    { code: libOnly, findings: [{ line: 2 }], name: 'hadolint: warn: BuildKit cache mount to apt lists directory only' },
    { code: onbuild(libOnly), findings: [{ line: 2 }], name: 'hadolint: warn: BuildKit cache mount to apt lists directory only (ONBUILD)' },
    { code: 'FROM scratch\nRUN apt update && apt install python', findings: [{ line: 2 }], name: 'hadolint: apt no cleanup' },
    { code: 'FROM scratch\nONBUILD RUN apt update && apt install python', findings: [{ line: 2 }], name: 'hadolint: apt no cleanup (ONBUILD)' },
    { code: 'FROM scratch\nRUN aptitude update && aptitude install python', findings: [{ line: 2 }], name: 'hadolint: aptitude no cleanup' },
    { code: 'FROM scratch\nONBUILD RUN aptitude update && aptitude install python', findings: [{ line: 2 }],
      name: 'hadolint: aptitude no cleanup (ONBUILD)' },
    // disagrees with hadolint: it takes any `rm -rf` as the cleanup; removing /tmp leaves the lists in the layer.
    { code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /tmp/*', findings: [{ line: 2 }],
      name: 'an rm of something else is no cleanup' },
    // disagrees with hadolint: it compares FROM lines by value, so an unused first stage whose FROM reads like the
    // last stage's is reported; the first stage below ships nothing.
    { code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\nFROM debian:12\nRUN apt-get update && apt-get install -y git',
      findings: [{ line: 4 }], name: 'stages are told apart by position, not by their FROM text' },
    { code: 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl', findings: [{ line: 2 }], output: null,
      name: 'no fix when a later RUN needs the lists' },
    { code: 'FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y curl',
      findings: [{ line: 2 }], output: 'FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y curl \\\n    && rm -rf /var/lib/apt/lists/*',
      name: 'fix after a continuation' },
    { code: 'FROM debian:12\r\nRUN apt-get update && apt-get install -y curl\r\n', findings: [{ line: 2 }],
      output: 'FROM debian:12\r\nRUN apt-get update && apt-get install -y curl \\\r\n    && rm -rf /var/lib/apt/lists/*\r\n',
      name: 'fix keeps CRLF line endings' },
    { code: '# escape=`\nFROM debian:12\nRUN apt-get update && apt-get install -y curl', findings: [{ line: 3 }],
      output: '# escape=`\nFROM debian:12\nRUN apt-get update && apt-get install -y curl `\n    && rm -rf /var/lib/apt/lists/*',
      name: 'fix continues with the escape character in force' },
    { code: 'FROM debian:12\nSHELL ["pwsh", "-c"]\nRUN apt-get update && apt-get install -y curl', findings: [{ line: 3 }], output: null,
      name: 'no fix under a non-POSIX shell' },
    { code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl # tools', findings: [{ line: 2 }], output: null,
      name: 'no fix after a shell comment' },
    { code: 'FROM debian:12 AS base\nRUN apt-get update && apt-get install -y curl\nFROM base AS mid\nRUN true\nFROM mid\nRUN true',
      findings: [{ line: 2 }], name: 'a stage built on by a later stage' },
  ],
  valid: [
    { code: inStage, name: 'hadolint: apt-get cleanup in stage image' },
    { code: intermediateCleans, name: 'hadolint: no warn apt-get cleanup in intermediate stage that cleans lists' },
    { code: onbuild(intermediateCleans), name: 'hadolint: no warn apt-get cleanup in intermediate stage that cleans lists (ONBUILD)' },
    { code: notUsedLater, name: 'hadolint: no warn apt-get cleanup in intermediate stage when stage not used later' },
    { code: 'FROM scratch\nRUN apt-get update && apt-get install python && rm -rf /var/lib/apt/lists/*', name: 'hadolint: apt-get cleanup' },
    { code: 'FROM scratch\nONBUILD RUN apt-get update && apt-get install python && rm -rf /var/lib/apt/lists/*',
      name: 'hadolint: apt-get cleanup (ONBUILD)' },
    { code: listsMount, name: "hadolint: don't warn: BuildKit cache mount to apt lists directory" },
    { code: onbuild(listsMount), name: "hadolint: don't warn: BuildKit cache mount to apt lists directory (ONBUILD)" },
    { code: aptMounts1, name: "hadolint: don't warn: BuildKit cache mount to apt directories 1" },
    { code: onbuild(aptMounts1), name: "hadolint: don't warn: BuildKit cache mount to apt directories 1 (ONBUILD)" },
    { code: aptMounts2, name: "hadolint: don't warn: BuildKit cache mount to apt directories 2" },
    { code: onbuild(aptMounts2), name: "hadolint: don't warn: BuildKit cache mount to apt directories 2 (ONBUILD)" },
    { code: mounts('tmpfs', 'tmpfs'), name: "hadolint: don't warn: tmpfs mount to apt cache and lists directory" },
    { code: onbuild(mounts('tmpfs', 'tmpfs')), name: "hadolint: don't warn: tmpfs mount to apt cache and lists directory (ONBUILD)" },
    { code: mounts('tmpfs', 'cache'), name: "hadolint: don't warn: tmpfs mount to apt cache and cache mount to lists directory" },
    { code: onbuild(mounts('tmpfs', 'cache')),
      name: "hadolint: don't warn: tmpfs mount to apt cache and cache mount to lists directory (ONBUILD)" },
    { code: mounts('cache', 'tmpfs'), name: "hadolint: don't warn: cache mount to apt cache and tmpfs mount to lists directory" },
    { code: onbuild(mounts('cache', 'tmpfs')),
      name: "hadolint: don't warn: cache mount to apt cache and tmpfs mount to lists directory (ONBUILD)" },
    { code: mounts('cache', 'cache'), name: "hadolint: don't warn: cache mount to apt cache and lists directory" },
    { code: onbuild(mounts('cache', 'cache')), name: "hadolint: don't warn: cache mount to apt cache and lists directory (ONBUILD)" },
    { code: 'FROM scratch\nRUN apt update && apt install python && rm -rf /var/lib/apt/lists/*', name: 'hadolint: apt cleanup' },
    { code: 'FROM scratch\nONBUILD RUN apt update && apt install python && rm -rf /var/lib/apt/lists/*', name: 'hadolint: apt cleanup (ONBUILD)' },
    { code: 'FROM scratch\nRUN aptitude update && aptitude install python && rm -rf /var/lib/apt/lists/*', name: 'hadolint: aptitude cleanup' },
    { code: 'FROM scratch\nONBUILD RUN aptitude update && aptitude install python && rm -rf /var/lib/apt/lists/*',
      name: 'hadolint: aptitude cleanup (ONBUILD)' },
    { code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -r -f /var/lib/apt/lists', name: 'removing the directory itself' },
    { code: 'FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM debian:12\nCOPY --from=build /out /out',
      name: 'COPY --from takes files, not the layer' },
  ],
});
