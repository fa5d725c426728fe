import type { ReactNode } from "react";

type Person = { name: string; email: string };

/**
 * A table of people (the users admin, a project's members): each row headed by the person's name
 * (and a badge), their email as Latin text, then the caller's own cells. The last, unlabelled
 * column holds a row's buttons when `actionsLabel` is given (read by screen readers only). Its
 * render props are functions: use it inside client components.
 */
export function PeopleTable<T extends Person>({
  caption,
  labels,
  columns,
  actionsLabel,
  rows,
  keyOf,
  rowProps,
  badge,
  cells,
}: {
  caption: string;
  labels: { name: string; email: string };
  /** Headings of the columns after name and email, in the order `cells` fills them. */
  columns: string[];
  actionsLabel?: string;
  rows: T[];
  keyOf: (row: T) => string;
  rowProps?: (row: T) => { "data-testid"?: string; className?: string };
  badge?: (row: T) => ReactNode;
  /** The row's other cells, `<td>`s, one per column (and the actions cell). */
  cells: (row: T) => ReactNode;
}) {
  return (
    <table className="list">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{labels.name}</th>
          <th scope="col">{labels.email}</th>
          {columns.map((label) => <th key={label} scope="col">{label}</th>)}
          {actionsLabel !== undefined && <th scope="col"><span className="visually-hidden">{actionsLabel}</span></th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={keyOf(row)} {...rowProps?.(row)}>
            <th scope="row"><bdi>{row.name}</bdi>{badge?.(row)}</th>
            <td><bdi dir="ltr">{row.email}</bdi></td>
            {cells(row)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
