/** The ideas' heading: the board's skip link and focus after a delete go to it. */
export const IDEAS_HEADING_ID = 'ideas';
