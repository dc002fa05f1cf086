// The admin pages' lists as tables: a label (also shown as the caption where asked), a header row,
// and one muted line saying there is nothing to list when there is nothing.
import type { ReactNode } from 'react';

export interface AdmColumn {
  label: string;
  /** A number column, right-aligned. */
  num?: boolean;
}

export function AdmTable<R>({
  label,
  caption = false,
  columns,
  rows,
  empty,
  row,
}: {
  label: string;
  caption?: boolean;
  columns: AdmColumn[];
  rows: readonly R[];
  empty: string;
  row(r: R): ReactNode;
}) {
  return (
    <table className="adm-table" aria-label={label}>
      {caption && <caption>{label}</caption>}
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.label} className={c.num ? 'num' : undefined}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && (
          <tr>
            <td colSpan={columns.length} className="muted">
              {empty}
            </td>
          </tr>
        )}
        {rows.map(row)}
      </tbody>
    </table>
  );
}
