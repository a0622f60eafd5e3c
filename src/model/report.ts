// Problems, printed the way compilers print them: sorted, one per line, in text, GitHub or JSON form.
import type { Problem, Severity } from './types.ts';
import { jsonVisible, visible, visibleLine } from './visible.ts';

function compare(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Order by file, line, column, rule, message (code-unit order: the same on every machine). */
export function compareProblems(a: Problem, b: Problem): number {
  return (
    compare(a.file, b.file) ||
    compare(a.line, b.line) ||
    compare(a.column, b.column) ||
    compare(a.rule, b.rule) ||
    compare(a.message, b.message) ||
    compare(a.severity, b.severity)
  );
}

export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(compareProblems);
}

/** `--strict`: every warning becomes an error. */
export function strict(problems: readonly Problem[]): Problem[] {
  return problems.map((problem) => (problem.severity === 'warning' ? { ...problem, severity: 'error' } : problem));
}

/**
 * `file:line:col: severity: message [rule]`, one problem per line. Messages and file names are single lines (a line
 * break in user content or a file name must not forge another problem line), with controls and bidi controls visible.
 */
export function formatText(problems: readonly Problem[]): string {
  return problems
    .map((p) => `${visibleLine(p.file)}:${p.line}:${p.column}: ${p.severity}: ${visibleLine(p.message)} [${p.rule}]\n`)
    .join('');
}

// https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts (escapeData / escapeProperty)
// Controls and bidi controls are made visible first (src/model/visible.ts); CR and LF are left to GitHub's own escaping.
function escapeData(text: string): string {
  return visible(text, { keep: '\r\n' }).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** GitHub Actions workflow commands: each problem becomes an annotation on its file and line. */
export function formatGithub(problems: readonly Problem[]): string {
  return problems
    .map((p) => {
      const properties = `file=${escapeProperty(p.file)},line=${p.line},col=${p.column},title=${escapeProperty(p.rule)}`;
      return `::${p.severity} ${properties}::${escapeData(p.message)}\n`;
    })
    .join('');
}

/** A JSON array of {file, line, column, severity, rule, message}; controls, DEL, C1 and bidi controls as `\\u` escapes (`\\u202e`). */
export function formatJson(problems: readonly Problem[]): string {
  const rows = problems.map(({ file, line, column, severity, rule, message }) => ({ file, line, column, severity, rule, message }));
  return jsonVisible(JSON.stringify(rows, null, 2)) + '\n';
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

export function countBySeverity(problems: readonly Problem[], severity: Severity): number {
  return problems.filter((p) => p.severity === severity).length;
}

/** e.g. "2 errors, 1 warning in 14 files". */
export function summary(problems: readonly Problem[], fileCount: number): string {
  return `${count(countBySeverity(problems, 'error'), 'error')}, ${count(countBySeverity(problems, 'warning'), 'warning')} in ${count(fileCount, 'file')}`;
}
