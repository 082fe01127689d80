import { useT } from '../i18n/useT';

/**
 * An idea's rank in the results, "2." on screen and "Delt 2. plads" to a screen reader (a
 * list's own numbering cannot share a rank, so the ordered list's items say theirs).
 */
export function RankLabel({ rank, shared, className }: { rank: number; shared: boolean; className: string }) {
  const t = useT();
  return (
    <p className={className} data-rank-label={rank}>
      <span aria-hidden="true">{rank}.</span>
      <span className="sr-only">{t(shared ? 'voting.placeShared' : 'voting.place', { rank })}</span>
    </p>
  );
}

/** The idea's cluster as a small tag on the note: the ranking takes notes out of their clusters. */
export function ClusterTag({ name }: { name: string }) {
  const t = useT();
  return (
    <p className="note__cluster" data-cluster-tag="">
      <span className="sr-only">{t('voting.clusterTag')} </span>
      {name}
    </p>
  );
}
