/** Site-wide texts (en): the update prompt, the footer, the accessibility statement, embedding. */
export const siteEn = {
  site: {
    update: {
      ready: 'A new version of Samskab is ready.',
      reload: 'Reload',
    },
    footer: {
      accessibility: 'Accessibility statement',
    },
    screen: {
      heading: 'The projector',
      help: 'The projector switches at once. It can also be switched on the projector itself.',
    },
    surveyOnly: {
      window: {
        openUntil: 'Open for answers until {{when}}',
        openNoEnd: 'Open for answers',
        opensAt: 'Opens for answers {{when}}',
        notYetOpen: 'Not open for answers yet',
        closedAt: 'Closed for answers {{when}}',
        closed: 'Closed for answers',
        disabled: 'Not taking answers right now',
      },
      takesIdeas: 'The page takes ideas',
      takesIdeasHelp: 'Switched off, it is a survey only: the page shows just the polls marked for the call.',
      heading: 'Survey',
      intro: 'This call only asks a few questions. Answer the ones you like.',
      none: 'There are no questions to answer right now.',
    },
    embed: {
      heading: 'Embed on your website',
      help: 'Put the form on the municipality’s own page. Copy the code below into the page’s HTML; the frame grows as tall as the form.',
      off: 'The form cannot be shown on other websites yet. Ask your operations team to set EMBED_ORIGINS to your website’s address, e.g. https://www.ishoj.dk.',
      snippet: 'Code for the website',
      link: 'Or simply use the link: {{url}}',
    },
    statement: {
      pageTitle: 'Accessibility statement – Samskab',
      title: 'Accessibility statement for Samskab',
      intro:
        'Samskab is a tool where citizens, councils, associations, businesses, politicians and staff write and sort ideas together. We want everyone to be able to use it, also with a screen reader, a keyboard, magnification or on a small phone.',
      lawHeading: 'The law we follow',
      law:
        'Samskab is used by public authorities and so follows the Danish act on the accessibility of public bodies’ websites and mobile applications (act no. 692 of 8 June 2018), which refers to the standard EN 301 549 and so to WCAG 2.1 level AA.',
      statusHeading: 'Conformance',
      status:
        'Samskab partially conforms to WCAG 2.1 level AA. The screens listed below are checked automatically every time the code changes. What does not conform, or is not checked, is listed under "What we know is not right".',
      checkedHeading: 'What we check',
      checked:
        'Our test suite runs axe-core (the WCAG 2.1 A and AA rules) on these screens and widths and fails on a single violation. The keyboard test uses the keyboard only.',
      screen: 'Screen',
      widths: 'Widths',
      kind: 'Check',
      kindAxe: 'axe-core, 0 violations',
      kindKeyboard: 'keyboard only',
      test: 'Test in the code',
      knownHeading: 'What we know is not right',
      known: {
        pdf: 'PDF reports from the export are not checked for accessibility. Use the HTML or Markdown report, which has the same content with headings and tables.',
        assistive: 'We have not yet tested with screen readers (such as NVDA, JAWS and VoiceOver) and real users; automatic tests do not find everything.',
        emoji: 'Reactions are shown as emoji. They always have a text for screen readers, but devices without an emoji font show an empty box.',
        projector: 'The projector view turns its page by itself when there are more ideas than fit. It can be paused, but the pause button only shows when the mouse is over it or keyboard focus reaches it.',
      },
      reportHeading: 'How to report a problem',
      reportContact: 'If you meet an accessibility problem, write to: {{contact}}',
      reportNoContact: 'If you meet an accessibility problem, write to the municipality or organisation that sent you the link to Samskab.',
      enforcementHeading: 'If you get no answer',
      enforcement:
        'If you do not get a satisfactory answer, you can complain to the Danish Agency for Digital Government, which supervises the accessibility of public websites.',
      enforcementLink: 'Complain to the Agency for Digital Government (was.digst.dk)',
      reviewedHeading: 'When the statement was made',
      reviewed: 'The statement was last reviewed on {{date}} against the project’s own automatic tests.',
      back: 'To the start page',
      other: 'Denne erklæring på dansk',
    },
  },
};
