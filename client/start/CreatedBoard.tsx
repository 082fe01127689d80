import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreateBoardResponse } from '../../shared';
import { ShareLinks } from '../ui/ShareLinks';

interface Props {
  created: CreateBoardResponse;
  onCreateAnother: () => void;
}

/** The three links of a new board, each with what it is for, and the way in for the facilitator. */
export function CreatedBoard({ created, onCreateAnother }: Props) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);

  // The form the person submitted is gone: put focus where the result starts.
  useEffect(() => heading.current?.focus(), []);

  return (
    <div className="created">
      <h1 ref={heading} tabIndex={-1}>
        {t('start.created', { title: created.title })}
      </h1>
      <p className="lead">{t('start.linksIntro')}</p>
      <ShareLinks links={created.links} headingLevel={2} />
      <div className="actions">
        <a className="button button--primary" href={created.links.facilitator}>
          {t('start.openBoard')}
        </a>
        <button type="button" className="button button--secondary" onClick={onCreateAnother}>
          {t('start.createAnother')}
        </button>
      </div>
    </div>
  );
}
