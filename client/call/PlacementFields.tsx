import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TaxonomySelects } from '../ui/TaxonomySelects';
import type { Draft } from './draft';

interface Props {
  draft: Draft;
  onChange: (patch: Partial<Draft>) => void;
}

/**
 * Optional suggestions for phase, principle and track, folded away: most people will not
 * know the process's structure, and facilitators place ideas anyway. Open when a draft has one.
 */
export function PlacementFields({ draft, onChange }: Props) {
  const { t } = useTranslation();
  const ids = useId();
  // Decided once: a prop that changed while someone used it would fold the fields away under them.
  const [startOpen] = useState(() => draft.phase !== null || draft.principle !== null || draft.track !== null);
  return (
    <details className="call-placement" open={startOpen || undefined}>
      <summary>{t('call.form.placementSummary')}</summary>
      <p className="hint">{t('call.form.placementHint')}</p>
      <div className="call-placement__fields">
        <TaxonomySelects value={draft} onChange={onChange} idPrefix={ids} />
      </div>
    </details>
  );
}
