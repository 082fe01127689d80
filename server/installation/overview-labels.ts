import { TEMPLATE_IDS, type Locale, type OverviewCall, type OverviewChange, type TemplateId } from '../../shared';
import { labelsFor, type ExportLabels } from '../export';

/**
 * The words of the coordinator's CSV and workbook. The taxonomy, status, contributor and
 * column words are the board export's own (server/export labels), so a committee reads the
 * same "Udvalgt" and "Fase 1 – …" in the overview as in a board's export and on the page;
 * only what a board export has no word for (the other boards, calls, changes) is here.
 */
export interface OverviewLabels {
  /** The board export's labels in the same language. */
  base: ExportLabels;
  sheets: { ideas: string; counts: string; boards: string; changes: string };
  /** Headings the board export has no column for. */
  columns: { board: string; boardId: string; ideaId: string };
  boardColumns: { template: string; createdAt: string; ideas: string; call: string; opensAt: string; closesAt: string; pending: string };
  changeColumns: { at: string; kind: string; id: string; text: string; status: string; rationale: string; by: string };
  changeKind: Record<OverviewChange['kind'], string>;
  /** A board's public call: its state, or that it has none. */
  call: Record<OverviewCall['state'] | 'none', string>;
  counts: { dimension: string; value: string; ideas: string };
  /** The start page's template names (client/i18n start.templates). */
  template: Record<TemplateId, string>;
  untitled: string;
}

type OwnWords = Omit<OverviewLabels, 'base'>;

const DA: OwnWords = {
  sheets: { ideas: 'Idéer', counts: 'Optælling', boards: 'Tavler', changes: 'Ændringer' },
  columns: { board: 'Tavle', boardId: 'Tavle-id', ideaId: 'Idé-id' },
  boardColumns: {
    template: 'Skabelon',
    createdAt: 'Oprettet',
    ideas: 'Idéer',
    call: 'Offentlig indkaldelse',
    opensAt: 'Indkaldelsen åbner',
    closesAt: 'Indkaldelsen lukker',
    pending: 'Venter på moderation',
  },
  changeColumns: { at: 'Tidspunkt', kind: 'Ændring', id: 'Id', text: 'Idé eller indsats', status: 'Ny status', rationale: 'Begrundelse', by: 'Af' },
  changeKind: { 'idea-added': 'Ny idé', 'status-changed': 'Ny status', 'initiative-saved': 'Indsats gemt' },
  call: { open: 'Åben', 'not-yet-open': 'Åbner senere', closed: 'Lukket', none: 'Ingen' },
  counts: { dimension: 'Opdeling', value: 'Værdi', ideas: 'Idéer' },
  template: {
    blank: 'Tom tavle',
    kickoff: 'Kick-off workshop med rådene',
    staff: 'Medarbejderworkshop',
    citizens: 'Borgeridéer',
    budget: 'Budgetdrøftelse',
  },
  untitled: 'Uden titel',
};

const EN: OwnWords = {
  sheets: { ideas: 'Ideas', counts: 'Counts', boards: 'Boards', changes: 'Changes' },
  columns: { board: 'Board', boardId: 'Board id', ideaId: 'Idea id' },
  boardColumns: {
    template: 'Template',
    createdAt: 'Created',
    ideas: 'Ideas',
    call: 'Public call',
    opensAt: 'Call opens',
    closesAt: 'Call closes',
    pending: 'Waiting for moderation',
  },
  changeColumns: { at: 'Time', kind: 'Change', id: 'Id', text: 'Idea or initiative', status: 'New status', rationale: 'Rationale', by: 'By' },
  changeKind: { 'idea-added': 'New idea', 'status-changed': 'New status', 'initiative-saved': 'Initiative saved' },
  call: { open: 'Open', 'not-yet-open': 'Not open yet', closed: 'Closed', none: 'None' },
  counts: { dimension: 'Breakdown', value: 'Value', ideas: 'Ideas' },
  template: {
    blank: 'Blank board',
    kickoff: 'Kick-off workshop with the councils',
    staff: 'Staff workshop',
    citizens: 'Citizen ideas',
    budget: 'Budget discussion',
  },
  untitled: 'Untitled',
};

export function overviewLabels(lang: Locale): OverviewLabels {
  return { base: labelsFor(lang), ...(lang === 'en' ? EN : DA) };
}

/** A board's template by its name; one this version does not know (a restore from a newer one) as stored. */
export function templateName(labels: OverviewLabels, template: string): string {
  return (TEMPLATE_IDS as readonly string[]).includes(template) ? labels.template[template as TemplateId] : template;
}
