// DL3013 cases, hadolint's own spec cases included.
import { dl3013 } from './dl3013-pip-pin-versions.js';
import { runRuleTests } from './testing.js';

// Most hadolint cases come in pairs: as written and inside ONBUILD.
const both = (code: string, name: string): { code: string; name: string }[] => [
  { code, name: `hadolint: ${name}` },
  { code: `ONBUILD ${code}`, name: `hadolint: ${name} (ONBUILD)` },
];
const fires = (code: string, name: string): { code: string; name: string; findings: { line: number }[] }[] =>
  both(code, name).map((c) => ({ ...c, findings: [{ line: 1 }] }));

runRuleTests(dl3013, {
  invalid: [
    { code: 'RUN pip2 install MySQL_python', findings: [{ line: 1, message: 'MySQL_python==<version>' }], output: null,
      name: 'hadolint: pip2 version not pinned' },
    { code: 'ONBUILD RUN pip2 install MySQL_python', findings: [{ line: 1 }], name: 'hadolint: pip2 version not pinned (ONBUILD)' },
    // hadolint's ONBUILD variant of "pip3 version not pinned" repeats the pip2 text above.
    { code: 'RUN pip3 install MySQL_python', findings: [{ line: 1 }], name: 'hadolint: pip3 version not pinned' },
    ...fires('RUN pip install MySQL_python', 'pip version not pinned'),
    { code: 'RUN python -m pip install example', findings: [{ line: 1 }], name: 'hadolint: pip version not pinned with python -m' },
    { code: 'ONBUILD RUN python -m pip install --index-url url example', findings: [{ line: 1 }],
      name: 'hadolint: pip version not pinned with python -m (ONBUILD)' },
    ...fires('RUN pip install git+https://github.com/rtfd/read-ext.git#egg=read-ext', 'pip install unversioned git'),
    ...fires('RUN pip install git+ssh://github.com/rtfd/read-ext.git#egg=read-ext', 'pip install unversioned git (ssh)'),
    ...fires('RUN pipx install black', 'pipx version not pinned'),
    ...fires('RUN pip install --root-user-action=ignore mypkg', 'pip install flag=value still checks the package'),
    { code: 'FROM python:3.12\nRUN pip install --no-cache-dir flask==3.0.0 requests', findings: [{ line: 2, message: 'requests unpinned' }],
      name: 'one unpinned among pinned' },
    { code: 'FROM python:3.12\nRUN python3 -m pip install -U pip', findings: [{ line: 2 }], name: 'python3 -m pip, upgrading pip' },
  ],
  valid: [
    ...both('RUN pip3 install MySQL_python==1.2.2', 'pip3 version pinned'),
    ...both('RUN pip3 install mypkg.whl', 'pip3 install from local package'),
    ...both('RUN pip3 install mypkg.tar.gz', 'pip3 install from local package (.tar.gz)'),
    ...both('RUN pip install -r requirements.txt', 'pip install requirements'),
    ...both('RUN pip install --requirement requirements.txt', 'pip install requirements with long flag'),
    ...both('RUN pip install .', 'pip install use setup.py'),
    ...both('RUN pip install MySQL_python==1.2.2', 'pip version pinned'),
    ...both('RUN pip install MySQL_python~=1.2.2', 'pip version pinned with ~= operator'),
    ...both('RUN pip install MySQL_python===1.2.2', 'pip version pinned with === operator'),
    ...both('RUN pip install --ignore-installed MySQL_python==1.2.2', 'pip version pinned with flag --ignore-installed'),
    ...both('RUN pip3 install --build /opt/yamllint yamllint==1.20.0', 'pip version pinned with flag --build'),
    ...both('RUN pip3 install --prefix /opt/yamllint yamllint==1.20.0', 'pip version pinned with flag --prefix'),
    ...both('RUN pip3 install --root /opt/yamllint yamllint==1.20.0', 'pip version pinned with flag --root'),
    ...both('RUN pip3 install --target /opt/yamllint yamllint==1.20.0', 'pip version pinned with flag --target'),
    ...both('RUN pip3 install --trusted-host host example==1.2.2', 'pip version pinned with flag --trusted-host'),
    ...both('RUN python -m pip install example==1.2.2', 'pip version pinned with python -m'),
    ...both('RUN pip install git+https://github.com/rtfd/r-ext.git@0.6-alpha#egg=r-ext', 'pip install git'),
    ...both('RUN pip install git+ssh://github.com/rtfd/r-ext.git@0.6-alpha#egg=r-ext', 'pip install git (ssh)'),
    ...both('RUN pip install foo/bar', 'pip install local dir'),
    ...both('RUN pip install https://foo.bar/baz.zip', 'pip install https url package'),
    ...both("RUN pip install 'alabaster>=0.7'", 'pip install upper bound'),
    ...both("RUN pip install 'alabaster<0.7'", 'pip install lower bound'),
    ...both("RUN pip install 'alabaster!=0.7'", 'pip install excluded version'),
    ...both('RUN pip install MySQL_python==1.2.2 --user', 'pip install user directory'),
    ...both('RUN pip install MySQL_python==1.2.2 --disable-pip-version-check', 'pip install no pip version check'),
    ...both('RUN pip install --index-url https://eg.com/foo foobar==1.0.0', 'pip install --index-url'),
    // hadolint's "-i flag" case repeats the --index-url text; this is the short flag it is named for.
    ...both('RUN pip install -i https://eg.com/foo foobar==1.0.0', 'pip install index-url with -i flag'),
    ...both('RUN pip install --index-url https://eg.com/foo --extra-index-url https://ex-eg.io/foo foobar==1.0.0',
      'pip install --index-url with --extra-index-url'),
    ...both('RUN pip install MySQL_python==1.2.2 --no-cache-dir', 'pip install no cache dir'),
    ...both('RUN pip install pykafka --constraint http://foo.bar.baz', 'pip install constraints file - long version argument'),
    ...both('RUN pip install pykafka -c http://foo.bar.baz', 'pip install constraints file - short version argument'),
    ...both('RUN pip install --index-url https://user:pass@eg.com/foo --extra-index-url https://user:pass@ex-eg.io/foo foobar==1.0.0',
      'pip install --index-url with --extra-index-url with basic auth'),
    ...both('RUN pipenv install black', 'pipenv is not pip'),
    ...both('RUN pipx install --python "$(which python)" "poetry==1.8.5"', 'pipx install --python argument is not a package'),
    ...both('RUN pip install --no-cache-dir --root-user-action ignore poetry==1.8.5',
      'pip install --root-user-action argument is not a package'),
    { code: 'FROM python:3.12\nRUN pip install --upgrade', name: 'no package named' },
    { code: 'FROM python:3.12\nRUN pip download requests', name: 'pip download is not install' },
    // As in hadolint, a command is known by its name as written: a full path to python is not recognised.
    { code: 'FROM python:3.12\nRUN /usr/local/bin/python3 -m pip install -U pip', name: 'python by full path' },
  ],
});
