import { useT } from '../../i18n/useT';
import type { BoardSettings, Grouping, Idea } from '../../../shared';

interface Props {
  idea: Idea;
  /** Null: the note is shown out of any group (the results' ranking), so every tag is said. */
  grouping: Grouping | null;
  settings: BoardSettings | null;
}

/** The idea's classification, minus what the group it sits in already says. */
export function NoteTags({ idea, grouping, settings }: Props) {
  const t = useT();
  const placedInMatrix = grouping === 'phase-principle' && idea.phase !== null && idea.principle !== null;
  const tags: { key: string; label: string; title?: string }[] = [];
  if (idea.phase !== null && !placedInMatrix) {
    tags.push({ key: 'phase', label: t(`taxonomy.phaseShort.${idea.phase}`), title: t(`taxonomy.phase.${idea.phase}`) });
  }
  if (idea.principle !== null && !placedInMatrix) {
    tags.push({
      key: 'principle',
      label: t(`taxonomy.principleShort.${idea.principle}`),
      title: t(`taxonomy.principle.${idea.principle}`),
    });
  }
  if (idea.track !== null && grouping !== 'track') {
    tags.push({ key: 'track', label: t(`taxonomy.track.${idea.track}`) });
  }
  for (const id of idea.beacons) {
    const beacon = settings?.beacons.find((b) => b.id === id);
    if (beacon) tags.push({ key: `beacon-${id}`, label: beacon.name });
  }
  if (tags.length === 0) return null;
  return (
    <ul className="note__tags">
      {tags.map((tag) => (
        <li key={tag.key} className={`tag tag--${tag.key.startsWith('beacon') ? 'beacon' : tag.key}`} title={tag.title}>
          {tag.label}
        </li>
      ))}
    </ul>
  );
}
