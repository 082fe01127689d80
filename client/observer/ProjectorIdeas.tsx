import { useTranslation } from 'react-i18next';
import type { Cluster, Idea } from '../../shared';
import { layoutGroup } from '../clusters/clusters';
import { GroupBody } from '../clusters/GroupBody';
import { ProjectorNote } from './ProjectorNote';

interface Props {
  ideas: Idea[];
  clusters: readonly Cluster[];
  totals: Readonly<Record<string, number>>;
  results: boolean;
  revealed: boolean;
  emptyText: string;
}

/** The focus question's ideas on the wall: its clusters as labelled groups, sorted by votes in results. */
export function ProjectorIdeas({ ideas, clusters, totals, results, revealed, emptyText }: Props) {
  const { t } = useTranslation();
  const used = new Set(ideas.map((i) => i.clusterId));
  const layout = layoutGroup(ideas, { clusters, emptyHere: clusters.filter((c) => !used.has(c.id)), results, totals });
  if (layout.blocks.length === 0 && layout.loose.length === 0) return <p className="projector__empty">{emptyText}</p>;
  return (
    <div className="projector__ideas">
      <GroupBody
        layout={layout}
        results={results}
        emptyText={t('groups.empty')}
        renderIdea={(idea) => (
          <li key={idea.id} className="group__item">
            <ProjectorNote idea={idea} total={revealed ? (totals[idea.id] ?? 0) : null} />
          </li>
        )}
      />
    </div>
  );
}
