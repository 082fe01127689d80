import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Comment, Idea, QueueItem } from '../../../shared';
import { useBoardStore } from '../../state/board-store';
import { excerpt } from '../queue-logic';
import { useReasonLabel } from './useReasonLabel';

function Meta({ rows }: { rows: [string, ReactNode][] }) {
  if (rows.length === 0) return null;
  return (
    <dl className="mod-meta">
      {rows.map(([term, value]) => (
        <div key={term} className="mod-meta__row">
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Who sent it, as they chose to say (never their e-mail: the server does not send it). */
function useFrom(): (who: Pick<Idea, 'authorName' | 'contributorType'> & { organisation?: string | null }) => string {
  const { t } = useTranslation();
  return (who) =>
    [who.authorName ?? t('board.anonymous'), who.contributorType ? t(`taxonomy.contributorType.${who.contributorType}`) : null, who.organisation]
      .filter(Boolean)
      .join(' · ');
}

function ContributionBody({ idea, receipt }: { idea: Idea; receipt: string }) {
  const { t } = useTranslation();
  const from = useFrom();
  const question = useBoardStore((s) => s.settings?.questions.find((q) => q.id === idea.questionId)?.text ?? null);
  const rows: [string, ReactNode][] = [];
  if (question) rows.push([t('moderation.fields.question'), question]);
  if (idea.phase) rows.push([t('moderation.fields.phase'), t(`taxonomy.phase.${idea.phase}`)]);
  if (idea.principle) rows.push([t('moderation.fields.principle'), t(`taxonomy.principle.${idea.principle}`)]);
  if (idea.track) rows.push([t('moderation.fields.track'), t(`taxonomy.track.${idea.track}`)]);
  rows.push([t('moderation.fields.from'), from(idea)]);
  rows.push([t('moderation.fields.receipt'), <code key="receipt">{receipt}</code>]);
  return (
    <>
      <p className="mod-item__text">{idea.text}</p>
      <Meta rows={rows} />
    </>
  );
}

function CommentBody({ comment }: { comment: Comment }) {
  const { t } = useTranslation();
  const from = useFrom();
  const ideaText = useBoardStore((s) => s.ideas.get(comment.ideaId)?.text ?? null);
  return (
    <>
      <p className="mod-item__text">{comment.text}</p>
      <Meta
        rows={[
          [t('moderation.fields.onIdea'), ideaText ? `“${excerpt(ideaText, 120)}”` : t('moderation.ideaMissing')],
          [t('moderation.fields.from'), from(comment)],
        ]}
      />
    </>
  );
}

function ReportBody({ item }: { item: Extract<QueueItem, { kind: 'report' }> }) {
  const { t } = useTranslation();
  const reasonLabel = useReasonLabel();
  return (
    <>
      <p className="mod-item__label">{t(item.target.kind === 'idea' ? 'moderation.fields.reportedIdea' : 'moderation.fields.reportedComment')}</p>
      <blockquote className="mod-item__quote">{item.excerpt}</blockquote>
      <Meta rows={[[t('moderation.fields.reportReason'), reasonLabel(item.reason)]]} />
    </>
  );
}

/** What the item is about, by kind. */
export function ItemBody({ item }: { item: QueueItem }) {
  switch (item.kind) {
    case 'contribution':
      return <ContributionBody idea={item.idea} receipt={item.receipt} />;
    case 'comment':
      return <CommentBody comment={item.comment} />;
    case 'report':
      return <ReportBody item={item} />;
  }
}
