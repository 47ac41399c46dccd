// WH306 cases: remote scripts piped (or substituted) into an interpreter, and pipes that are harmless.
import { runRuleTests } from './testing.js';
import { wh306 } from './wh306-pipe-to-shell.js';

runRuleTests(wh306, {
  invalid: [
    { code: 'FROM alpine\nRUN curl -fsSL https://get.example.com | sh', findings: [{ line: 2, message: 'curl output is piped into sh' }] },
    { code: 'FROM debian\nRUN wget -qO- https://deb.example.com/setup | bash -', findings: [{ line: 2, message: 'wget output is piped into bash' }] },
    { code: 'FROM debian\nRUN curl -sL https://x.example.com/i.sh | sudo -E bash -s -- --yes', findings: [{ line: 2, message: 'into bash' }], name: 'through sudo' },
    { code: 'FROM debian\nRUN curl -s https://x.example.com/i.sh | tee /tmp/i.sh | sh', findings: [{ line: 2 }], name: 'through tee' },
    { code: 'FROM debian\nRUN curl -sSL https://install.python-poetry.org | python3 -', findings: [{ line: 2, message: 'python3' }] },
    { code: 'FROM debian\nRUN apt-get update \\\n && curl -fsSL https://x.example.com/s | bash \\\n && rm -rf /var/lib/apt/lists/*', findings: [{ line: 2 }], name: 'in a chain' },
    { code: 'FROM debian\nRUN sh -c "$(curl -fsSL https://x.example.com/install.sh)"', findings: [{ line: 2, message: 'sh runs a script fetched with curl' }] },
    { code: 'FROM debian\nRUN bash <(wget -qO- https://x.example.com/install.sh)', findings: [{ line: 2, message: 'fetched with wget' }] },
    { code: 'FROM debian\nRUN <<EOF\nset -e\ncurl -fsSL https://x.example.com/s | sh\nEOF', findings: [{ line: 2 }], name: 'heredoc' },
    { code: 'FROM debian\nRUN curl -s https://a.example.com | sh && wget -qO- https://b.example.com | bash', findings: [{ line: 2 }, { line: 2 }], name: 'twice' },
    { code: 'FROM debian\nONBUILD RUN curl -fsSL https://x.example.com/s | sh', findings: [{ line: 2 }], name: 'ONBUILD RUN' },
    {
      code: 'FROM debian AS tools\nRUN curl -fsSL https://x.example.com/s | sh\nFROM debian\nCOPY --from=tools /usr/local/bin/x /usr/local/bin/',
      findings: [{ line: 2 }],
      name: 'build stage',
    },
  ],
  valid: [
    'FROM debian\nRUN curl -fsSL https://x.example.com/app.tar.gz | tar -xz -C /opt',
    'FROM debian\nRUN curl -fsSLo /tmp/i.sh https://x.example.com/i.sh && echo "abc  /tmp/i.sh" | sha256sum -c - && sh /tmp/i.sh',
    'FROM debian\nRUN curl -s https://x.example.com/key.gpg | gpg --dearmor -o /usr/share/keyrings/x.gpg',
    'FROM debian\nRUN echo "echo hi" | sh',
    'FROM debian\nRUN curl -s https://x.example.com/a; sh /tmp/local.sh',
    'FROM debian\nRUN cat /tmp/install.sh | bash',
  ],
});
