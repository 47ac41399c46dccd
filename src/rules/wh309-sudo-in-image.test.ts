// WH309 cases: sudo installed or configured without a password, and the look-alikes that are fine.
import { runRuleTests } from './testing.js';
import { wh309 } from './wh309-sudo-in-image.js';

runRuleTests(wh309, {
  invalid: [
    { code: 'FROM debian\nRUN apt-get update && apt-get install -y --no-install-recommends sudo curl', findings: [{ line: 2, message: 'apt-get installs sudo' }] },
    { code: 'FROM alpine\nRUN apk add --no-cache sudo', findings: [{ line: 2, message: 'apk installs sudo' }] },
    { code: 'FROM fedora\nRUN dnf install -y sudo-1.9.15', findings: [{ line: 2 }] },
    { code: 'FROM debian\nRUN apt-get install -y sudo=1.9.13p3-1', findings: [{ line: 2 }], name: 'pinned version' },
    { code: 'FROM archlinux\nRUN pacman -Syu --noconfirm sudo', findings: [{ line: 2 }] },
    {
      code: 'FROM debian\nRUN echo "app ALL=(ALL) NOPASSWD: ALL" >> /etc/sudoers',
      findings: [{ line: 2, message: 'sudoers entry with NOPASSWD' }],
    },
    {
      code: 'FROM debian\nRUN apt-get install -y sudo \\\n && echo "app ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/app',
      findings: [{ line: 2, message: 'installs sudo' }, { line: 2, message: 'NOPASSWD' }],
      name: 'both',
    },
    {
      code: 'FROM debian\nCOPY <<EOF /etc/sudoers.d/app\napp ALL=(ALL) NOPASSWD: ALL\nEOF',
      findings: [{ line: 2 }],
      name: 'COPY heredoc into sudoers.d',
    },
    { code: 'FROM debian\nONBUILD RUN apt-get install -y sudo', findings: [{ line: 2 }], name: 'ONBUILD RUN' },
    {
      code: 'FROM debian AS dev\nRUN apt-get install -y sudo\nFROM debian\nCOPY --from=dev /etc/passwd /etc/passwd',
      findings: [{ line: 2 }],
      name: 'build stage',
    },
  ],
  valid: [
    'FROM debian\nRUN apt-get install -y curl',
    'FROM debian\nRUN apt-get install -y sudoku',
    'FROM debian\nRUN apt-get remove -y sudo',
    'FROM debian\nRUN echo "app ALL=(ALL) ALL" >> /etc/sudoers',
    'FROM debian\nRUN echo "NOPASSWD: nothing" > /etc/motd',
    'FROM debian\nCOPY sudoers.txt /etc/app/',
    'FROM debian\nRUN apt-get install -y gosu',
  ],
});
