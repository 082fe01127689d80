import { useId, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardSettings, Grouping, Idea, Identity } from '../../../shared';
import type { PresentUser } from '../../state/slices/content';
import { canEditIdea, canWrite } from '../permissions';
import { MoveMenu, type MoveOption } from './MoveMenu';
import { NoteEditor } from './NoteEditor';
import { NoteTags } from './NoteTags';

interface Props {
  idea: Idea;
  grouping: Grouping;
  settings: BoardSettings | null;
  identity: Identity | null;
  moveOptions: MoveOption[];
  editors: PresentUser[];
  onDelete: (idea: Idea) => void;
  onDragStart: (event: DragEvent, idea: Idea) => void;
  onDragEnd: () => void;
}

/** A sticky note: text, author, tags, and what this person may do with it. */
export function IdeaNote({ idea, grouping, settings, identity, moveOptions, editors, onDelete, onDragStart, onDragEnd }: Props) {
  const { t } = useTranslation();
  const ids = useId();
  const [mode, setMode] = useState<'view' | 'edit' | 'confirm-delete'>('view');
  const movable = canWrite(identity);
  const editable = canEditIdea(identity, idea);
  const textId = `${ids}-text`;

  if (mode === 'edit') {
    return (
      <article className="note note--editing">
        <NoteEditor idea={idea} settings={settings} onDone={() => setMode('view')} />
      </article>
    );
  }

  const author = idea.authorName ?? t('board.anonymous');
  const about = [
    idea.contributorType ? t(`taxonomy.contributorType.${idea.contributorType}`) : null,
    idea.organisation,
  ].filter(Boolean);

  return (
    <article
      className={`note${idea.track ? ` note--${idea.track}` : ''}`}
      aria-labelledby={textId}
      draggable={movable}
      onDragStart={movable ? (e) => onDragStart(e, idea) : undefined}
      onDragEnd={onDragEnd}
      data-idea={idea.id}
    >
      <p id={textId} className="note__text">
        {idea.text}
      </p>
      <p className="note__author">
        {t('idea.by', { name: author })}
        {about.length > 0 ? <span className="note__about"> · {about.join(' · ')}</span> : null}
      </p>
      <NoteTags idea={idea} grouping={grouping} settings={settings} />
      {editors.length > 0 ? (
        <p className="note__editing">{t('idea.editing', { name: editors.map((e) => e.name ?? t('board.anonymous')).join(', ') })}</p>
      ) : null}
      {mode === 'confirm-delete' ? (
        <div className="note__confirm" role="group" aria-label={t('idea.confirmDelete')}>
          <p>{t('idea.confirmDelete')}</p>
          <button type="button" className="button button--danger button--small" onClick={() => onDelete(idea)}>
            {t('idea.confirmYes')}
          </button>
          <button type="button" className="button button--small" autoFocus onClick={() => setMode('view')}>
            {t('idea.confirmNo')}
          </button>
        </div>
      ) : movable ? (
        <div className="note__actions">
          <MoveMenu ideaId={idea.id} options={moveOptions} describedBy={textId} />
          {editable ? (
            <>
              <button type="button" className="button button--small" aria-describedby={textId} onClick={() => setMode('edit')}>
                {t('idea.edit')}
              </button>
              <button
                type="button"
                className="button button--small button--quiet"
                aria-describedby={textId}
                onClick={() => setMode('confirm-delete')}
              >
                {t('idea.delete')}
              </button>
            </>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}
