// DL4006 cases: hadolint's spec (with the lines it reports) and a few of our own.
import { dl4006 } from './dl4006-pipefail.js';
import { runRuleTests } from './testing.js';

const pipe = 'RUN wget -O - https://some.site | wc -l file > /number';

runRuleTests(dl4006, {
  invalid: [
    { code: 'FROM scratch\nRUN wget -O - https://some.site | wc -l > /number\n', findings: [{ line: 2, message: 'pipefail' }],
      name: 'hadolint: warn on missing pipefail' },
    { code: `FROM scratch as build\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\n${pipe}\n`, findings: [{ line: 3 }], name: 'hadolint: warns when using plain sh' },
    { code: `FROM scratch as build\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\n${pipe}\nFROM scratch as build2\n${pipe}\n`, findings: [{ line: 5 }],
      name: 'hadolint: warn on missing pipefail in the next image' },
    { code: `FROM scratch as build\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\n${pipe}\nSHELL ["/bin/sh", "-c"]\n${pipe}\n`, findings: [{ line: 5 }],
      name: 'hadolint: warn on missing pipefail if next SHELL is not using it' },
    { code: 'FROM debian\nRUN set -o pipefail && a | b\nRUN c |& d', findings: [{ line: 2 }, { line: 3 }],
      name: 'set -o pipefail inside the RUN is not looked at (as in hadolint)' },
    { code: 'FROM debian AS base\nFROM base\nRUN a | b', findings: [{ line: 3 }], name: 'a parent stage with the default shell' },
  ],
  valid: [
    { code: 'FROM scratch as build\nRUN wget -O - https://some.site && wc -l file > /number\n', name: "hadolint: don't warn on commands with no pipes" },
    { code: `FROM scratch as build\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\n${pipe}\n`, name: "hadolint: don't warn on commands with pipes and the pipefail option" },
    { code: `FROM scratch as build\nSHELL ["/bin/bash", "-e", "-o", "pipefail", "-c"]\n${pipe}\n`,
      name: "hadolint: don't warn on commands with pipes and the pipefail option 2" },
    { code: `FROM scratch as build\nSHELL ["/bin/bash", "-o", "errexit", "-o", "pipefail", "-c"]\n${pipe}\n`,
      name: "hadolint: don't warn on commands with pipes and the pipefail option 3" },
    { code: `FROM scratch as build\nSHELL ["/bin/zsh", "-o", "pipefail", "-c"]\n${pipe}\n`, name: "hadolint: don't warn on commands with pipes and the pipefail zsh" },
    { code: `FROM scratch as build\nSHELL ["/usr/bin/bash", "-o", "pipefail", "-c"]\n${pipe}\n`,
      name: "hadolint: don't warn when bash is invoked via a non-standard absolute path" },
    { code: `FROM scratch as build\nSHELL ["/usr/local/bin/zsh", "-o", "pipefail", "-c"]\n${pipe}\n`,
      name: "hadolint: don't warn when zsh is invoked via a non-standard absolute path" },
    { code: 'FROM scratch as build\nSHELL ["pwsh", "-c"]\nRUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value\n',
      name: "hadolint: don't warn on powershell" },
    { code: 'FROM mcr.microsoft.com/powershell:ubuntu-16.04\nSHELL [ "pwsh", "-c" ]\nRUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value\n',
      name: 'hadolint: ignore non posix shells: pwsh' },
    { code: 'FROM mcr.microsoft.com/powershell:ubuntu-16.04\nSHELL [ "powershell.exe" ]\nRUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value\n',
      name: 'hadolint: ignore non posix shells: powershell' },
    { code: 'FROM mcr.microsoft.com/powershell:ubuntu-16.04\nSHELL [ "cmd.exe", "/c" ]\nRUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value\n',
      name: 'hadolint: ignore non posix shells: cmd.exe' },
    // disagrees with hadolint: it warns here, forgetting at FROM that the stage inherits its parent's SHELL.
    { code: 'FROM debian AS base\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM base\nRUN a | b', name: 'SHELL inherited from the parent stage' },
    { code: 'FROM alpine\nSHELL ["/bin/ash", "-o", "pipefail", "-c"]\nRUN a | b', name: 'ash with pipefail' },
    { code: 'FROM debian\nRUN a || b', name: '|| is not a pipe' },
    { code: 'FROM debian\nONBUILD RUN a | b', name: 'ONBUILD RUN is not checked (as in hadolint)' },
  ],
});
