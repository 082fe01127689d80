import { useId, type DragEvent, type ReactNode } from 'react';
import { useT } from '../../i18n/useT';
import type { IdeaGroup } from '../grouping';

export interface DropHandlers {
  active: boolean;
  onDragOver: (event: DragEvent) => void;
  onDragLeave: (event: DragEvent) => void;
  onDrop: (event: DragEvent) => void;
}

interface Props {
  group: IdeaGroup;
  label: string;
  /** Shown under the heading (e.g. what "Unclassified" means). */
  help?: string;
  /** In the matrix the row and column headers say where a cell is, so its heading is only for screen readers on wide screens. */
  variant: 'cell' | 'column' | 'wide';
  drop?: DropHandlers;
  /** The group's body (its lists of notes, clusters); null when there is nothing to show. */
  children: ReactNode | null;
}

/** One group of ideas: a labelled region with a heading, its notes (and clusters), a drop target. */
export function GroupSection({ group, label, help, variant, drop, children }: Props) {
  const t = useT();
  const ids = useId();
  const count = group.ideas.length;
  return (
    <section
      className={`group group--${variant}${drop?.active ? ' group--drop' : ''}${children === null ? ' group--empty' : ''}`}
      aria-labelledby={`${ids}-heading`}
      data-group={group.key}
      onDragOver={drop?.onDragOver}
      onDragLeave={drop?.onDragLeave}
      onDrop={drop?.onDrop}
    >
      <h3 id={`${ids}-heading`} className="group__heading">
        <span className="group__label">{label}</span>{' '}
        <span className={`group__count${count === 0 ? ' group__count--zero' : ''}`}>{t('groups.count', { count })}</span>
      </h3>
      {help ? <p className="group__help">{help}</p> : null}
      {children ?? <p className="group__empty">{t('groups.empty')}</p>}
    </section>
  );
}
