// Where a config file is looked for when none is named: hadolint's places and order, whittle's file first in each.
import path from 'node:path';
import type { Env } from './env.js';

export interface Places {
  readonly cwd: string;
  /** The user's home; undefined skips every place under it. */
  readonly home: string | undefined;
  readonly env: Env;
}

/** Every path to try, first match wins (hadolint uses only the first file it finds, and so does whittle). */
export function configCandidates({ cwd, home, env }: Places): string[] {
  const hidden = (dir: string): string[] =>
    ['.whittle.yaml', '.whittle.yml', '.hadolint.yaml', '.hadolint.yml'].map((f) => path.join(dir, f));
  const out = hidden(cwd);
  // XDG_CONFIG_HOME counts only when absolute, as the XDG spec says (and hadolint's directory library does).
  const xdgHome = env.XDG_CONFIG_HOME;
  const xdg = xdgHome !== undefined && path.isAbsolute(xdgHome) ? xdgHome : home === undefined ? undefined : path.join(home, '.config');
  if (xdg !== undefined) out.push(...['whittle.yaml', 'whittle.yml', 'hadolint.yaml', 'hadolint.yml'].map((f) => path.join(xdg, f)));
  if (home !== undefined) {
    out.push(...['hadolint.yaml', 'hadolint.yml', 'config.yaml', 'config.yml'].map((f) => path.join(home, '.hadolint', f)));
    out.push(...hidden(home));
  }
  return out;
}
