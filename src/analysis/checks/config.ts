// Image config checks: the user the container runs as, and whether it says how to tell it is healthy.
import type { Finding, Location } from '../../rules/rule.js';
import type { AnalysisInput, Analyzer } from '../analyzer.js';
import { finding } from './common.js';
import type { ImageRule } from './common.js';

export const WH640: ImageRule = { id: 'WH640', title: 'The container runs as root', severity: 'warning', category: 'security' };
export const WH641: ImageRule = { id: 'WH641', title: 'No HEALTHCHECK in the image', severity: 'info', category: 'correctness' };

/** Whether a config `User` (`name`, `uid`, `name:group`, `uid:gid`, empty) means root. */
export function isRootUser(user: string | null): boolean {
  const name = (user ?? '').trim().split(':')[0] ?? '';
  return name === '' || name === 'root' || /^0+$/.test(name);
}

/** The last instruction of `keyword` in the Dockerfile, as a location; empty when unknown. */
function lastInstruction(input: AnalysisInput, keyword: string): Location {
  const df = input.dockerfile;
  if (df === null) return {};
  const ins = [...df.instructions].reverse().find((i) => i.keyword === keyword);
  return ins === undefined ? {} : { file: df.file, line: ins.span.line };
}

export const imageConfig: Analyzer = {
  name: 'image-config',
  scope: 'squashed',
  rules: [WH640.id, WH641.id],
  analyze(input: AnalysisInput) {
    const { user, healthcheck } = input.image.config;
    const findings: Finding[] = [];
    if (isRootUser(user)) {
      const set = (user ?? '').trim() !== '';
      findings.push(finding(
        WH640,
        set ? `the image sets USER ${user ?? ''}, which is root: add a user and switch to it` : 'the image sets no USER, so it runs as root: add a user and switch to it',
        set ? lastInstruction(input, 'USER') : {},
      ));
    }
    if (healthcheck === null || healthcheck.test[0]?.toUpperCase() === 'NONE') {
      findings.push(finding(
        WH641,
        healthcheck === null ? 'the image defines no HEALTHCHECK: orchestrators that read it cannot tell a hung container from a healthy one' : 'the image disables its HEALTHCHECK',
        healthcheck === null ? {} : lastInstruction(input, 'HEALTHCHECK'),
      ));
    }
    return { findings };
  },
};
