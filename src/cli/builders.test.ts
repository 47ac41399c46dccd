// Reading each builder's output for the steps it re-ran: buildah/podman, Docker's classic builder, BuildKit's plain progress.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lastLine, stepsRerun } from './builders.js';

test('buildah and podman: a step is re-run unless "--> Using cache" follows it; FROM never counts', () => {
  const out = 'STEP 1/4: FROM x\nSTEP 2/4: RUN a\n--> Using cache 1234\nSTEP 3/4: COPY . .\n--> abc\nSTEP 4/4: CMD ["x"]\nCOMMIT y\n';
  assert.equal(stepsRerun(out), 2);
  assert.equal(stepsRerun('STEP 1/2: FROM x\n--> Using cache 1\nSTEP 2/2: RUN a\n--> Using cache 2\n'), 0);
});

test('Docker\'s classic builder: "Step N/M :" and " ---> Using cache"', () => {
  const out = [
    'Sending build context to Docker daemon  3.072kB',
    'Step 1/3 : FROM busybox',
    ' ---> 6fd955f66c23',
    'Step 2/3 : RUN echo a',
    ' ---> Using cache',
    ' ---> 1c2b3a4d5e6f',
    'Step 3/3 : COPY app.sh /app.sh',
    ' ---> 9a8b7c6d5e4f',
    'Successfully built 9a8b7c6d5e4f',
  ].join('\n');
  assert.equal(stepsRerun(out), 1);
});

test('BuildKit plain progress: vertices with [n/m] that are not CACHED; [internal] and FROM are not steps', () => {
  const out = [
    '#1 [internal] load build definition from Dockerfile',
    '#1 DONE 0.0s',
    '#2 [internal] load metadata for docker.io/library/busybox:latest',
    '#3 [1/4] FROM docker.io/library/busybox@sha256:abc',
    '#3 CACHED',
    '#4 [2/4] RUN echo a',
    '#4 CACHED',
    '#5 [3/4] COPY app.sh /app.sh',
    '#5 DONE 0.1s',
    '#6 [4/4] RUN sh /app.sh',
    '#6 0.211 hi',
    '#6 DONE 0.3s',
    '#7 [build 2/2] RUN make',
    '#7 DONE 2.0s',
  ].join('\n');
  assert.equal(stepsRerun(out), 3);
});

test('lastLine prefers an error line and masks secrets in it', () => {
  assert.equal(lastLine('STEP 1/2: FROM x\nError: building at STEP "RUN false": exit status 1\nmore\n'), 'Error: building at STEP "RUN false": exit status 1');
  const token = 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';
  const line = lastLine(`error: RUN curl -H "Authorization: token ${token}" failed\n`);
  assert.ok(!line.includes(token), line);
  assert.match(line, /ghp_|…/);
});
