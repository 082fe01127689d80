import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DrillButton } from './DrillButton';

export interface CountRow {
  /** The filter value that drilling into this row sets. */
  value: string;
  label: string;
  count: number;
}

interface Props {
  heading: string;
  rows: readonly CountRow[];
  onDrill: (value: string) => void;
  note?: string;
}

/** One dimension's counts as a table, with a bar to read at a glance; a count drills down. */
export function CountTable({ heading, rows, onDrill, note }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <section className="coord-counts">
      <h3 id={`${id}-heading`}>{heading}</h3>
      <table className="coord-table coord-counts__table" aria-labelledby={`${id}-heading`}>
        <thead>
          <tr>
            <th scope="col">{heading}</th>
            <th scope="col" className="coord-table__num">
              {t('coordinator.overview.countColumn')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.value} data-key={row.value}>
              <th scope="row">
                <span className="coord-counts__label">{row.label}</span>
                <span className="coord-counts__bar" aria-hidden="true" style={{ width: `${(row.count / max) * 100}%` }} />
              </th>
              <td className="coord-table__num">
                <DrillButton count={row.count} label={row.label} onDrill={() => onDrill(row.value)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {note ? <p className="hint">{note}</p> : null}
    </section>
  );
}
