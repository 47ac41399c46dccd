// WH301: `ADD <url>` trusts whatever the server sends today; a checksum or a commit pins what gets built.
import type { Instruction } from '../dockerfile/model.js';
import { withKeyword } from './helpers.js';
import type { Finding, Rule } from './rule.js';
import { findingAt } from './rule.js';

const COMMIT = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/i;

function isGitSource(src: string): boolean {
  return /^git@[^:]+:/.test(src) || /^(?:git|ssh):\/\//.test(src) || /^https?:\/\/\S+?\.git(?:$|[#?])/.test(src);
}

// BuildKit reads the ref from `#ref[:subdir]` or from the `ref=` / `commit=` query parameter.
function gitRef(src: string): string | null {
  const hash = src.indexOf('#');
  if (hash >= 0) return (src.slice(hash + 1).split(':')[0] ?? '') || null;
  const query = src.indexOf('?');
  if (query < 0) return null;
  const params = new URLSearchParams(src.slice(query + 1));
  return params.get('commit') ?? params.get('ref');
}

// Only the host and path: a URL's userinfo or query may carry credentials, which WH300 reports masked.
function where(src: string): string {
  const scp = /^git@([^:]+):([^#?]*)/.exec(src);
  if (scp !== null) return `${scp[1] ?? ''}:${scp[2] ?? ''}`;
  try {
    const u = new URL(src.split('#')[0] ?? src);
    return `${u.host}${u.pathname}`;
  } catch {
    return 'a remote source';
  }
}

function check(ins: Instruction): Finding[] {
  const checksum = ins.flags.find((f) => f.name === 'checksum')?.value ?? null;
  // A checksum given through a build arg is a decision we cannot second-guess.
  if (checksum?.includes('$')) return [];
  return (ins.copy?.sources ?? []).flatMap((src) => {
    if (isGitSource(src)) {
      const ref = gitRef(src);
      if ((ref !== null && COMMIT.test(ref)) || (checksum !== null && COMMIT.test(checksum))) return [];
      const what = ref === null ? 'no ref (the default branch)' : `ref "${ref}", which can move`;
      return [findingAt(wh301, ins, `ADD of git repository ${where(src)} with ${what}: pin a full commit (\`#<commit>\` or \`--checksum=<commit>\`)`)];
    }
    if (!/^https?:\/\//i.test(src)) return [];
    if (checksum !== null && /^sha256:[0-9a-f]{64}$/i.test(checksum)) return [];
    const why = checksum === null ? 'without --checksum' : 'with a --checksum that is not sha256:<64 hex digits>';
    return [
      findingAt(wh301, ins, `ADD downloads ${where(src)} ${why}, so its content is not verified: add \`--checksum=sha256:...\``),
    ];
  });
}

export const wh301: Rule = {
  id: 'WH301',
  title: 'Verify what ADD downloads',
  category: 'security',
  severity: 'warning',
  origin: 'whittle',
  fixable: false,
  check(df) {
    return withKeyword(df, 'ADD').flatMap(check);
  },
};
