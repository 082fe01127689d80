import { z } from 'zod';

export const LOCALES = ['da', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const localeSchema = z.enum(LOCALES);

export const TEMPLATE_IDS = ['blank', 'kickoff', 'staff', 'citizens', 'budget'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];
export const templateIdSchema = z.enum(TEMPLATE_IDS);

interface TemplateText {
  title: string;
  description: string;
  questions: string[];
}

/**
 * Templates from the memo (../shared/seed): the kick-off of 29 May 2024 asks the councils
 * three questions; the staff and citizen templates follow its inward and outward tracks.
 * Question ids are fixed per template so boards made from one template can be compared.
 */
export const TEMPLATES: Record<TemplateId, { questionIds: string[]; text: Record<Locale, TemplateText> }> = {
  blank: {
    questionIds: [],
    text: {
      da: { title: 'Ny tavle', description: '', questions: [] },
      en: { title: 'New board', description: '', questions: [] },
    },
  },
  kickoff: {
    questionIds: ['kickoff-q1', 'kickoff-q2', 'kickoff-q3'],
    text: {
      da: {
        title: 'Kick-off workshop med rådene',
        description: 'Byrådet og kommunens råd arbejder sammen om Vision 2035 – Fælles om mulighedernes Ishøj.',
        questions: [
          'Hvad kan rådene bidrage med i arbejdet med visionen?',
          'Hvilke ressourcer og styrker har Ishøj som kommune og lokalsamfund, som kan bringes i spil for at nå visionen?',
          'Hvad vil det være interessant at spørge borgerne om i forlængelse af visionens fokus?',
        ],
      },
      en: {
        title: 'Kick-off workshop with the councils',
        description: 'The city council and the municipality\u2019s councils work together on Vision 2035.',
        questions: [
          'What can the councils contribute to the work with the vision?',
          'Which resources and strengths does Ishøj have, as a municipality and local community, that can be brought into play to reach the vision?',
          'What would be interesting to ask the citizens about, following the vision\u2019s focus?',
        ],
      },
    },
  },
  staff: {
    questionIds: ['staff-q1', 'staff-q2'],
    text: {
      da: {
        title: 'Medarbejderworkshop',
        description: 'Ledere og medarbejdere (med HovedMED): hvordan præger visionen vores arbejde?',
        questions: [
          'Hvordan præger visionen det arbejde, vi allerede gør?',
          'Hvilke nye indsatser kunne vi sætte i gang for at nå visionen?',
        ],
      },
      en: {
        title: 'Staff workshop',
        description: 'Managers and staff (with HovedMED): how does the vision shape our work?',
        questions: [
          'How does the vision shape the work we already do?',
          'Which new initiatives could we start to reach the vision?',
        ],
      },
    },
  },
  citizens: {
    questionIds: ['citizens-q1'],
    text: {
      da: {
        title: 'Borgeridéer',
        description: 'Del din idé til, hvordan vi sammen når visionen for Ishøj 2035.',
        questions: ['Hvad er din idé til mulighedernes Ishøj?'],
      },
      en: {
        title: 'Citizen ideas',
        description: 'Share your idea for how we reach the vision for Ishøj 2035 together.',
        questions: ['What is your idea for the Ishøj of opportunities?'],
      },
    },
  },
  budget: {
    questionIds: ['budget-q1', 'budget-q2', 'budget-q3'],
    text: {
      da: {
        title: 'Budgetdrøftelse',
        description: 'Udvalget kobler budgetforslag og dagsordenspunkter til visionens pejlemærker.',
        questions: [
          'Hvilke budgetforslag bidrager til visionens pejlemærker – og hvordan?',
          'Hvilke eksisterende indsatser kan skaleres op eller ændres, så de understøtter visionen?',
          'Hvilke punkter på udvalgets dagsorden bør kobles til visionen?',
        ],
      },
      en: {
        title: 'Budget discussion',
        description: 'The committee links budget proposals and agenda items to the vision\u2019s beacons.',
        questions: [
          'Which budget proposals contribute to the vision\u2019s beacons, and how?',
          'Which existing initiatives could be scaled up or changed to support the vision?',
          'Which items on the committee\u2019s agenda should be linked to the vision?',
        ],
      },
    },
  },
};
