import { useTranslation } from 'react-i18next';
import type { IdeaStatus } from '../../shared';
import { STATUS_GLYPHS } from '../comments/social-format';

/** An idea's status as a glyph and words on the board's badge colours (not colour alone). */
export function StatusBadge({ status }: { status: IdeaStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`status-badge status-badge--${status}`} data-status-value={status}>
      <span aria-hidden="true" className="status-badge__glyph">
        {STATUS_GLYPHS[status]}
      </span>
      {t(`filter.ideaStatus.${status}`)}
    </span>
  );
}
