// DL3001: commands for interactive machines (ssh, vim, service, ps...) do nothing useful in an image build.
import { commandsOf, runs } from './helpers.js';
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';

const POINTLESS = new Set(['free', 'kill', 'mount', 'ps', 'service', 'shutdown', 'ssh', 'top', 'vim']);

export const dl3001: Rule = {
  id: 'DL3001',
  title: 'Avoid commands that make no sense in a container build',
  category: 'correctness',
  severity: 'info',
  origin: 'hadolint',
  fixable: false,
  check(df) {
    return runs(df).flatMap((run) => {
      const used = [...new Set(commandsOf(run).map((c) => c.name).filter((n) => POINTLESS.has(n)))];
      if (used.length === 0) return [];
      return [findingAt(dl3001, run, `\`${used.join('`, `')}\` has no use in a container build (no terminal, no init, no running services)`)];
    });
  },
};
