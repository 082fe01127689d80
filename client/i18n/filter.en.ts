import type { filterDa } from './filter.da';

/** Texts of search, filters and idea statuses (en). Spread into en.ts. */
export const filterEn: typeof filterDa = {
  filter: {
    search: 'Search the ideas',
    searchHint: 'Searches text, name, organisation and comments. Several words: all must be found.',
    clearSearch: 'Clear the search',
    toggle: 'Filters ({{count}})',
    toggleNone: 'Filters',
    status: 'Status',
    contributorType: 'Contributor',
    createdFrom: 'Created from',
    createdTo: 'Created until',
    clearAll: 'Clear all',
    shown_one: 'Showing {{shown}} of {{count}} idea',
    shown_other: 'Showing {{shown}} of {{count}} ideas',
    total_one: '{{count}} idea',
    total_other: '{{count}} ideas',
    noMatches: 'No ideas match the search and filters.',
    ideaStatus: {
      new: 'New',
      considering: 'Under consideration',
      selected: 'Selected',
      started: 'Started',
      realised: 'Realised',
      'not-taken-forward': 'Not taken forward',
    },
  },
};
