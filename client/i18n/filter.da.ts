/** Texts of search, filters and idea statuses (da). Spread into da.ts. */
export const filterDa = {
  filter: {
    search: 'Søg i idéerne',
    searchHint: 'Søger i tekst, navn, organisation og kommentarer. Flere ord: alle skal findes.',
    clearSearch: 'Ryd søgningen',
    toggle: 'Filtre ({{count}})',
    toggleNone: 'Filtre',
    status: 'Status',
    contributorType: 'Bidragyder',
    createdFrom: 'Oprettet fra',
    createdTo: 'Oprettet til',
    clearAll: 'Nulstil alle',
    shown_one: 'Viser {{shown}} af {{count}} idé',
    shown_other: 'Viser {{shown}} af {{count}} idéer',
    total_one: '{{count}} idé',
    total_other: '{{count}} idéer',
    noMatches: 'Ingen idéer passer til søgningen og filtrene.',
    ideaStatus: {
      new: 'Ny',
      considering: 'Overvejes',
      selected: 'Udvalgt',
      started: 'Sat i gang',
      realised: 'Realiseret',
      'not-taken-forward': 'Ikke videreført',
    },
  },
};
