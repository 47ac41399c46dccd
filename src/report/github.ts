// `lint --format github`: GitHub Actions workflow commands, which annotate the lines of a pull request.
import type { Severity } from '../rules/rule.js';
import { FILE_ERROR_ID, findingFile } from './report.js';
import type { LintReport, Reporter } from './report.js';

// Annotations come in three levels; info and style findings are both advice.
const COMMAND: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', info: 'notice', style: 'notice' };

/** The message part: the runner reads up to the end of the line, so line breaks and `%` are encoded. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: as data, and `:` and `,` too, which would otherwise end the value. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

type Props = Readonly<Record<string, string | number | undefined>>;

function command(name: string, props: Props, message: string): string {
  const list = Object.entries(props).flatMap(([k, v]) => (v === undefined ? [] : [`${k}=${escapeProperty(String(v))}`]));
  return `::${name}${list.length ? ` ${list.join(',')}` : ''}::${escapeData(message)}`;
}

export const lintGithub: Reporter<LintReport> = (report) => {
  const lines: string[] = [];
  for (const file of report.files) {
    if (file.error !== null) {
      lines.push(command('error', { file: file.file, line: file.error.where.line, title: FILE_ERROR_ID }, file.error.message));
    }
    for (const f of file.findings) {
      const { line, column, endLine } = f.location;
      const props = {
        file: findingFile(f, file),
        line,
        // A column means nothing without a line; an endLine equal to line only adds noise.
        col: line === undefined ? undefined : column,
        endLine: line !== undefined && endLine !== undefined && endLine > line ? endLine : undefined,
        title: f.rule,
      };
      lines.push(command(COMMAND[f.severity], props, f.message));
    }
  }
  for (const note of report.notes) lines.push(command('notice', { title: 'whittle' }, note));
  return lines.length ? `${lines.join('\n')}\n` : '';
};
