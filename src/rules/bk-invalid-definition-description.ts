// InvalidDefinitionDescription (BuildKit, experimental): the comment right above a named stage or an ARG is its
// description (`docker buildx build --call=outline` shows it), so it should start with the name it describes.
import { attachedComments } from './buildkit.js';
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';

export const invalidDefinitionDescription: Rule = {
  id: 'InvalidDefinitionDescription',
  title: 'Comment for build stage or argument should follow the format: `# <arg/stage name> <description>`',
  category: 'style',
  // Experimental in BuildKit: off until `# check=experimental=InvalidDefinitionDescription` (or `all`).
  severity: 'ignore',
  origin: 'buildkit',
  fixable: false,
  check(df) {
    const comments = attachedComments(df);
    return df.instructions.flatMap((ins) => {
      const keys = ins.keyword === 'FROM'
        ? (ins.from?.alias ? [ins.from.alias.toLowerCase()] : [])
        : ins.keyword === 'ARG' ? (ins.pairs ?? []).map((p) => p.key) : [];
      const last = comments.get(ins)?.at(-1);
      if (keys.length === 0 || last === undefined || keys.includes(last.text.split(' ')[0] ?? '')) return [];
      const example = keys.length > 1 ? '<arg_key>' : (keys[0] ?? '');
      return [findingAt(invalidDefinitionDescription, ins, `Comment for ${ins.keyword} should follow the format: \`# ${example} <description>\``)];
    });
  },
};
