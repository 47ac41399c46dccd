// WH308 cases: modes that let others write, and modes (or commands) that do not.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runRuleTests } from './testing.js';
import { worldWritable, wh308 } from './wh308-world-writable.js';

test('worldWritable reads octal and symbolic modes', () => {
  for (const m of ['777', '0777', '666', '2777', '00777', 'o+w', 'a+w', 'a+rwx', 'ugo+rwx', 'u+x,o+w', 'o=rwx']) assert.ok(worldWritable(m), m);
  for (const m of ['755', '0644', '1777', '01777', '775', 'u+w', 'g+w', '+w', 'go-w', 'a+rx', 'a+rwt', 'o-w', '${MODE}']) assert.ok(!worldWritable(m), m);
});

runRuleTests(wh308, {
  invalid: [
    { code: 'FROM alpine\nRUN chmod 777 /app', findings: [{ line: 2, message: 'chmod 777 makes files world-writable' }] },
    { code: 'FROM alpine\nRUN chmod -R 777 /app/data', findings: [{ line: 2 }] },
    { code: 'FROM alpine\nRUN chmod -R o+w /var/www', findings: [{ line: 2, message: 'chmod o+w' }] },
    { code: 'FROM alpine\nRUN chmod a+w /var/log/app.log', findings: [{ line: 2 }] },
    { code: 'FROM alpine\nRUN mkdir -p -m 777 /data', findings: [{ line: 2, message: 'mkdir 777' }] },
    { code: 'FROM alpine\nRUN install -d --mode=0777 /data', findings: [{ line: 2 }] },
    { code: 'FROM alpine\nCOPY --chmod=777 app /app', findings: [{ line: 2, message: 'COPY --chmod=777' }] },
    { code: 'FROM alpine\nADD --chmod=666 config.yml /etc/app/', findings: [{ line: 2 }] },
    { code: 'FROM alpine\nRUN mkdir /a /b && chmod 777 /a && chmod 0777 /b', findings: [{ line: 2 }, { line: 2 }], name: 'twice' },
    { code: 'FROM alpine\nONBUILD RUN chmod 777 /app', findings: [{ line: 2 }], name: 'ONBUILD RUN' },
    {
      code: 'FROM alpine AS build\nRUN chmod 777 /out\nFROM alpine\nCOPY --from=build --chmod=777 /out /app',
      findings: [{ line: 2 }, { line: 4 }],
      name: 'every stage',
    },
  ],
  valid: [
    'FROM alpine\nRUN chmod 755 /app',
    'FROM alpine\nRUN chmod 1777 /tmp/shared',
    'FROM alpine\nRUN chmod -R g+w /app && chmod +x /entrypoint.sh',
    'FROM alpine\nRUN chmod go-w /app',
    'FROM alpine\nCOPY --chmod=755 app /app',
    'FROM alpine\nCOPY --chown=app:app app /app',
    'FROM alpine\nRUN echo "chmod 777 is bad"',
    'FROM alpine\nRUN mkdir -p /data',
  ],
});
