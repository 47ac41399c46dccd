// WH201: a dependency install whose manifests only arrive together with other files can never be cached apart from them.
import type { Instruction } from '../dockerfile/model.js';
import { basename } from '../dockerfile/shell.js';
import { commandsOf, stageChain } from './helpers.js';
import type { Finding, Rule } from './rule.js';
import { findingAt } from './rule.js';
import { copiesWholeContext, isDependencyInstall, sequences } from './wh200-copy-all-before-install.js';

// Files (and the few directories) a dependency install reads, and nothing else.
const MANIFEST = new RegExp('^(package(-lock)?\\.json|package\\*\\.json|npm-shrinkwrap\\.json|yarn\\.lock|\\.yarnrc(\\.yml)?|\\.yarn|pnpm-(lock|workspace)\\.yaml|' +
  '\\.npmrc|\\.pnpmfile\\.cjs|requirements.*|constraints.*\\.txt|pyproject\\.toml|poetry\\.lock|uv\\.lock|Pipfile(\\.lock)?|setup\\.(py|cfg)|' +
  'go\\.(mod|sum|work|work\\.sum)|Gemfile.*|.*\\.gemspec|composer\\.(json|lock)|pom\\.xml|\\.mvn|mvnw|Cargo\\.(toml|lock)|.*\\*.*)$');

const isManifest = (source: string): boolean => MANIFEST.test(basename(source.replace(/\/+$/, '')));

function fromContext(ins: Instruction): boolean {
  return (ins.keyword === 'COPY' || ins.keyword === 'ADD') && ins.copy?.from == null && ins.heredocs.length === 0;
}

const manifestOnly = (ins: Instruction): boolean => (ins.copy?.sources ?? []).every(isManifest);

// `RUN --mount=type=bind,source=package.json,...` brings a manifest alone; a bind with no source brings everything.
function boundSources(run: Instruction): string[] {
  return (run.run?.mounts ?? []).filter((m) => m.type === 'bind' && m.options.from === undefined).map((m) => m.options.source ?? m.options.src ?? '.');
}

export const wh201: Rule = {
  id: 'WH201',
  title: 'Copy dependency manifests on their own before installing',
  category: 'cache',
  severity: 'warning',
  origin: 'whittle',
  fixable: false,
  check(df) {
    const out: Finding[] = [];
    for (const stage of df.stages) {
      const chain = stageChain(df, stage.index).flatMap((s) => s.instructions);
      for (const seq of sequences(chain)) {
        seq.forEach((run, i) => {
          const own = stage.instructions.some((s) => s === run || s.trigger === run);
          const install = commandsOf(run).find(isDependencyInstall);
          if (!own || install === undefined) return;
          const copies = seq.slice(0, i).filter(fromContext);
          const bound = boundSources(run);
          if (copies.some((c) => copiesWholeContext(c) || manifestOnly(c)) || bound.some(isManifest)) return;
          const mixed = copies.filter((c) => !manifestOnly(c));
          const culprit = bound.includes('.') || bound.includes('./') ? 'the whole context bind-mounted on this RUN' :
            mixed.length > 0 ? `the files copied on line${mixed.length > 1 ? 's' : ''} ${mixed.map((c) => c.span.line).join(', ')}` : null;
          if (culprit === null) return;
          out.push(findingAt(wh201, run, `\`${install.text}\` reads manifests that only arrive with ${culprit}: ` +
            'copy the manifests it reads on their own (package.json, go.mod, requirements.txt...) before it, and the rest after',
          { cacheImpact: `every change to ${culprit} re-runs \`${install.text}\`` }));
        });
      }
    }
    return out;
  },
};
