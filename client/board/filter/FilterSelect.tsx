import { useTranslation } from 'react-i18next';

export interface FilterOption {
  value: string;
  label: string;
}

interface Props {
  id: string;
  label: string;
  /** '' is "all" (no filter). */
  value: string;
  options: readonly FilterOption[];
  onChange: (value: string) => void;
  className?: string;
}

/** One filter as a labelled select whose first choice, "All", filters nothing. */
export function FilterSelect({ id, label, value, options, onChange, className }: Props) {
  const { t } = useTranslation();
  return (
    <div className={`field toolbar__field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} data-active={value === '' ? undefined : 'on'}>
        <option value="">{t('board.filterAll')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
