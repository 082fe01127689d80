import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { GROUPINGS, type Cluster, type Grouping } from '../../shared';
import { useBoardStore } from '../state/board-store';
import { useDisclosure } from '../ui/useDisclosure';

export type WallView = { kind: 'ideas' } | { kind: 'results' } | { kind: 'cluster'; id: string };

interface Props {
  paused: boolean;
  onTogglePause: () => void;
  view: WallView;
  onView: (view: WallView) => void;
  /** The focus question's clusters (one can fill the screen); empty without a focus question. */
  clusters: readonly Cluster[];
  hasFocus: boolean;
}

/**
 * The screen's own controls, out of the room's sight: they appear when the pointer is over
 * the screen's corner or a key reaches them. Pause (WCAG 2.2.2) and what the wall shows:
 * all ideas, one cluster, or the results; without a focus question, the grouping.
 */
export function WallControls({ paused, onTogglePause, view, onView, clusters, hasFocus }: Props) {
  const { t } = useTranslation();
  const ids = useId();
  const { open, toggle, button, panel, root } = useDisclosure({ light: true });
  const grouping = useBoardStore((s) => s.grouping);
  const setGrouping = useBoardStore((s) => s.setGrouping);
  const value = view.kind === 'cluster' ? `cluster:${view.id}` : view.kind;

  return (
    <div className={`wall__controls${paused || open ? ' wall__controls--shown' : ''}`} ref={root} role="group" aria-label={t('wall.controls')}>
      <button type="button" className="button button--secondary" aria-pressed={paused} onClick={onTogglePause}>
        {paused ? t('projector.resume') : t('projector.pause')}
      </button>
      <button ref={button} type="button" className="button button--secondary" aria-expanded={open} aria-controls={`${ids}-view`} onClick={toggle}>
        {t('wall.viewHeading')}
      </button>
      <div ref={panel} id={`${ids}-view`} className="wall__view" hidden={!open}>
        {open && hasFocus ? (
          <label className="screen__grouping">
            <span>{t('wall.view')}</span>
            <select
              value={value}
              onChange={(e) => {
                const v = e.target.value;
                onView(v.startsWith('cluster:') ? { kind: 'cluster', id: v.slice('cluster:'.length) } : v === 'results' ? { kind: 'results' } : { kind: 'ideas' });
              }}
            >
              <option value="ideas">{t('wall.viewAll')}</option>
              <option value="results">{t('wall.viewResults')}</option>
              {clusters.map((c) => (
                <option key={c.id} value={`cluster:${c.id}`}>
                  {t('wall.viewCluster', { name: c.name })}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {open && !hasFocus ? (
          <label className="screen__grouping">
            <span>{t('board.groupBy')}</span>
            <select value={grouping} onChange={(e) => setGrouping(e.target.value as Grouping)}>
              {GROUPINGS.map((g) => (
                <option key={g} value={g}>
                  {t(`board.groupings.${g}`)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      {paused ? <p className="projector__paused">{t('projector.pausedNote')}</p> : null}
    </div>
  );
}
