// A small RFC 4180-style CSV reader: quoted fields may hold separators, doubled quotes and
// newlines; CRLF and LF both end a record; a UTF-8 byte order mark (Excel's "CSV UTF-8") is
// dropped. Norwegian Excel writes ';' because ',' is the decimal separator, so the separator is
// detected from the header line.

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

export function parseCsv(input: string, separator?: ';' | ','): CsvParseResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const sep = separator ?? detectSeparator(text);
  const records: CsvRecord[] = [];
  const errors: { line: number; reason: string }[] = [];

  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let recordHasContent = false;

  const endRecord = (): void => {
    fields.push(field);
    // Blank lines are skipped rather than reported: editors often leave one at the end.
    if (recordHasContent || fields.length > 1) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    recordHasContent = false;
  };

  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      recordHasContent = true;
    } else if (ch === sep) {
      fields.push(field);
      field = '';
      recordHasContent = true;
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += ch;
      recordHasContent = true;
    }
  }
  if (quoted) errors.push({ line: recordLine, reason: 'a quoted field is never closed' });
  if (recordHasContent || field !== '' || fields.length > 0) endRecord();
  return { records, errors, separator: sep };
}
