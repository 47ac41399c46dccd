// DL3010: COPY an archive then unpack it in a RUN keeps both copies in the image; ADD unpacks local archives itself.
import type { Instruction } from '../dockerfile/model.js';
import type { ShellCommand } from '../dockerfile/shell.js';
import { argValues, argsNoFlags } from '../dockerfile/shell.js';
import { commandsOf } from './helpers.js';
import type { Finding, Rule } from './rule.js';
import { findingAt } from './rule.js';

const ARCHIVE_EXTENSIONS = [
  '.tar', '.Z', '.bz2', '.gz', '.lz', '.lzma', '.tZ', '.tb2', '.tbz', '.tbz2', '.tgz', '.tlz', '.tpz', '.txz', '.xz',
];
const UNPACKERS = new Set(['unzip', 'gunzip', 'bunzip2', 'unlzma', 'unxz', 'zgz', 'uncompress', 'zcat', 'gzcat']);

const dropQuotes = (s: string): string => s.replace(/^["']+|["']+$/g, '');
// Windows paths count too: the file name is what follows the last `/` or `\`.
const fileName = (path: string): string => dropQuotes(path).split(/[/\\]/).at(-1) ?? '';
const isArchive = (path: string): boolean => ARCHIVE_EXTENSIONS.some((ext) => dropQuotes(path).endsWith(ext));

function extracts(cmd: ShellCommand): boolean {
  if (UNPACKERS.has(cmd.name)) return true;
  return cmd.name === 'tar'
    && argValues(cmd).some((a) => a === '--extract' || a === '--get' || (a.startsWith('-') && !a.startsWith('--') && a.includes('x')));
}

// Archive file names a COPY brings in: the destination's when it names an archive, else the sources'.
function copiedArchives(ins: Instruction): string[] {
  const copy = ins.copy;
  if (copy === undefined || copy.from !== null || ins.heredocs.length > 0) return [];
  if (copy.destination !== null && isArchive(copy.destination)) return [fileName(copy.destination)];
  return [...new Set(copy.sources.filter(isArchive).map(fileName))];
}

export const dl3010: Rule = {
  id: 'DL3010',
  title: 'Use ADD to extract local archives',
  category: 'size',
  severity: 'info',
  origin: 'hadolint',
  fixable: false,
  check(df) {
    const findings: Finding[] = [];
    let copied: { ins: Instruction; name: string; reported: boolean }[] = [];
    for (const ins of df.instructions) {
      // disagrees with hadolint: it forgets earlier stages' findings at each FROM, so only the last stage is
      // reported; a stage that copies and unpacks an archive wastes the same space whether it ships or not.
      if (ins.keyword === 'FROM') copied = [];
      if (ins.keyword === 'COPY') copied.push(...copiedArchives(ins).map((name) => ({ ins, name, reported: false })));
      if (ins.keyword !== 'RUN') continue;
      const unpacked = new Set(commandsOf(ins).filter(extracts).flatMap((c) => argsNoFlags(c).map(fileName)));
      for (const c of copied) {
        if (c.reported || !unpacked.has(c.name)) continue;
        c.reported = true;
        findings.push(findingAt(dl3010, c.ins, `${c.name} is copied here and unpacked by the RUN on line ${ins.span.line}: ADD unpacks local archives itself`));
      }
    }
    return findings.sort((a, b) => (a.location.line ?? 0) - (b.location.line ?? 0));
  },
};
