// Reading CSV with csv-parse: quoted fields may hold separators, doubled quotes and newlines; CRLF,
// LF and CR all end a record; a UTF-8 byte order mark (Excel's "CSV UTF-8") is dropped; blank lines
// are skipped. Norwegian Excel writes ';' because ',' is the decimal separator, so the separator is
// detected from the header line. Records are numbered by the physical line they start on, for
// error messages a person can find in the file.
import { CsvError, parse } from 'csv-parse/sync';

export interface CsvRecord {
  /** 1-based physical line where the record starts (for error messages). */
  line: number;
  fields: string[];
}

export interface CsvParseResult {
  records: CsvRecord[];
  /** Structural problems, e.g. a quote that is never closed. */
  errors: { line: number; reason: string }[];
  separator: ';' | ',';
}

/** ';' unless the first line has more commas than semicolons outside quotes. */
export function detectSeparator(text: string): ';' | ',' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ';') semicolons++;
    else if (!quoted && ch === ',') commas++;
  }
  return commas > semicolons ? ',' : ';';
}

const lineBreaks = (text: string) => text.match(/\r\n|\r|\n/g)?.length ?? 0;

export function parseCsv(input: string, separator?: ';' | ','): CsvParseResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const sep = separator ?? detectSeparator(text);
  const records: CsvRecord[] = [];
  const errors: { line: number; reason: string }[] = [];
  // csv-parse's line count is the line a record ends on, but it counts a CRLF inside quotes as two
  // lines; `crlfInQuotes` takes those back out, and the record's own line breaks lead to its start.
  let crlfInQuotes = 0;
  let lastEndLine = 0;
  let blankLinesBefore = 0;
  try {
    parse(text, {
      delimiter: sep,
      record_delimiter: ['\r\n', '\n', '\r'],
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      on_record: (record: string[], { lines, empty_lines }) => {
        crlfInQuotes += record.reduce((n, field) => n + (field.match(/\r\n/g)?.length ?? 0), 0);
        lastEndLine = lines - crlfInQuotes;
        blankLinesBefore = empty_lines;
        records.push({ line: lastEndLine - record.reduce((n, field) => n + lineBreaks(field), 0), fields: record });
        return null;
      },
    });
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    // The broken record starts after the last good one and any blank lines since.
    const line = lastEndLine + 1 + (Number(e.empty_lines ?? 0) - blankLinesBefore);
    errors.push({ line, reason: e.code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quoted field is never closed' : e.message });
  }
  return { records, errors, separator: sep };
}
