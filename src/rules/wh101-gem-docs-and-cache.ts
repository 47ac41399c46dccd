// WH101: `gem install` and `bundle install` leave documentation and .gem archives in the layer.
import type { Instruction } from '../dockerfile/model.js';
import type { ShellCommand } from '../dockerfile/shell.js';
import { argsNoFlags, hasAnyFlag, hasFlag } from '../dockerfile/shell.js';
import { commandsOf, mountsCacheOn, removesPath, shippedInstructions } from './helpers.js';
import type { Finding, Rule } from './rule.js';
import { findingAt } from './rule.js';
import { SIZE, formatEstimate } from './size-estimates.js';

// Where gem and bundler keep the archives they downloaded (official ruby images: GEM_HOME=/usr/local/bundle).
const CACHE_DIRS = ['/usr/local/bundle/cache', '.gem', '.bundle/cache', '${GEM_HOME}/cache', '/var/lib/gems', '/usr/local/lib/ruby/gems'];

const isGemInstall = (c: ShellCommand): boolean => c.name === 'gem' && argsNoFlags(c)[0] === 'install';
const isBundleInstall = (c: ShellCommand): boolean => c.name === 'bundle' && ['install', undefined].includes(argsNoFlags(c)[0]);
const noDocs = (c: ShellCommand): boolean => hasAnyFlag(c, ['no-document', 'N']) || (hasFlag(c, 'no-rdoc') && hasFlag(c, 'no-ri'));

function clearsCache(run: Instruction): boolean {
  const cleared = (dir: string): boolean => removesPath(run, dir) || mountsCacheOn(run, dir);
  return CACHE_DIRS.some(cleared) || commandsOf(run).some((c) => c.name === 'rm' && c.args.some((a) => /GEM_HOME\}?\/cache/.test(a.value)));
}

export const wh101: Rule = {
  id: 'WH101',
  title: 'Install gems without docs and drop the gem cache',
  category: 'size',
  severity: 'info',
  origin: 'whittle',
  fixable: false,
  check(df) {
    // A `.gemrc` (or bundler config) written anywhere in the file with `--no-document` covers every gem install.
    const gemrc = df.source.includes('no-document');
    const out: Finding[] = [];
    for (const run of shippedInstructions(df).filter((i) => i.keyword === 'RUN')) {
      const cmds = commandsOf(run);
      const installs = cmds.filter((c) => isGemInstall(c) || isBundleInstall(c));
      if (installs.length === 0) continue;
      const docs = !gemrc && cmds.filter(isGemInstall).some((c) => !noDocs(c));
      const cache = !clearsCache(run);
      if (!docs && !cache) continue;
      const left = [docs ? 'rdoc/ri documentation (add `--no-document`)' : '', cache ? 'the downloaded .gem archives (remove `$GEM_HOME/cache` in this RUN)' : '']
        .filter((s) => s !== '');
      const bytes = (docs ? SIZE.gemDocs.bytes : 0) + (cache ? SIZE.gemCache.bytes : 0);
      out.push(findingAt(wh101, run, `\`${installs[0]?.text ?? ''}\` leaves ${left.join(' and ')} in this layer (est. ${formatEstimate(bytes)})`, { bytes }));
    }
    return out;
  },
};
