// Writing CSV for people to open in Excel or LibreOffice, with csv-stringify (quoting of
// separators, quotes and line breaks). A cell that begins with =, +, -, @, a tab or a carriage
// return is read there as a formula (CSV/formula injection, OWASP): a triage criterion's title
// "=HYPERLINK(…)" imported by one centre would run in a supervisor's spreadsheet. Such text is
// neutralised with a leading single quote, which the spreadsheet shows as text. Numbers we computed
// (a negative share, say) are written as they are. Every CSV the product writes goes through here.
import { stringify } from 'csv-stringify/sync';

const FORMULA_START = /^[=+\-@\t\r]/;

/** Text a spreadsheet would take as a formula, made inert with a leading '. */
export const neutraliseFormula = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

const options = (separator: ';' | ',') => ({
  delimiter: separator,
  eof: false,
  // Only text can carry a formula; numbers and booleans are written as they are.
  cast: { string: neutraliseFormula, boolean: String, object: (value: object) => neutraliseFormula(String(value)) },
});

/** One cell: empty for null/undefined, text neutralised, quoted when it holds the separator, a quote or a line break. */
export function csvCell(value: unknown, separator: ';' | ',' = ';'): string {
  return stringify([[value]], options(separator));
}

/** Rows of objects as CSV, the first row's keys as the header; ';' by default, as Norwegian Excel expects. */
export function toCsv(rows: Record<string, unknown>[], separator: ';' | ',' = ';'): string {
  if (!rows.length) return '';
  const columns = Object.keys(rows[0]!);
  return stringify([columns, ...rows.map((row) => columns.map((column) => row[column]))], options(separator));
}
