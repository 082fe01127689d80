/** Site-wide texts (da): the update prompt, the footer, the accessibility statement, embedding. */
export const siteDa = {
  site: {
    update: {
      ready: 'Ny version af Samskab er klar.',
      reload: 'Genindlæs',
    },
    footer: {
      accessibility: 'Tilgængelighedserklæring',
    },
    screen: {
      heading: 'Projektoren',
      help: 'Projektoren skifter med det samme. Den kan også skiftes på projektoren selv.',
    },
    surveyOnly: {
      window: {
        openUntil: 'Åben for svar indtil {{when}}',
        openNoEnd: 'Åben for svar',
        opensAt: 'Åbner for svar {{when}}',
        notYetOpen: 'Ikke åben for svar endnu',
        closedAt: 'Lukkede for svar {{when}}',
        closed: 'Lukket for svar',
        disabled: 'Tager ikke imod svar lige nu',
      },
      takesIdeas: 'Siden tager imod idéer',
      takesIdeasHelp: 'Slået fra er det et rent spørgeskema: siden viser kun de afstemninger, der er markeret til indkaldelsen.',
      heading: 'Spørgeskema',
      intro: 'Denne indkaldelse stiller kun nogle få spørgsmål. Svar på dem, du vil.',
      none: 'Der er ingen spørgsmål at svare på lige nu.',
    },
    embed: {
      heading: 'Indlejr på jeres hjemmeside',
      help: 'Sæt formularen ind på kommunens egen side. Kopiér koden herunder ind i sidens HTML; rammen bliver lige så høj som formularen.',
      off: 'Formularen kan ikke vises på andre hjemmesider endnu. Bed driften sætte EMBED_ORIGINS til jeres hjemmesides adresse, fx https://www.ishoj.dk.',
      snippet: 'Kode til hjemmesiden',
      link: 'Eller brug blot linket: {{url}}',
    },
    statement: {
      pageTitle: 'Tilgængelighedserklæring – Samskab',
      title: 'Tilgængelighedserklæring for Samskab',
      intro:
        'Samskab er et værktøj, hvor borgere, råd, foreninger, virksomheder, politikere og medarbejdere skriver og ordner idéer sammen. Vi vil gerne, at alle kan bruge det, også med skærmlæser, tastatur, forstørrelse eller på en lille telefon.',
      lawHeading: 'Hvilken lov vi følger',
      law:
        'Samskab bruges af offentlige myndigheder og skal derfor følge lov om tilgængelighed af offentlige organers websteder og mobilapplikationer (lov nr. 692 af 8. juni 2018), som henviser til standarden EN 301 549 og dermed til WCAG 2.1 på niveau AA.',
      statusHeading: 'Overensstemmelse',
      status:
        'Samskab er delvist i overensstemmelse med WCAG 2.1 niveau AA. De skærme, der er nævnt nedenfor, kontrolleres automatisk, hver gang koden ændres. Det, der ikke er i overensstemmelse eller ikke er kontrolleret, står under "Det ved vi ikke er i orden".',
      checkedHeading: 'Det kontrollerer vi',
      checked:
        'Vores testsuite kører axe-core (reglerne for WCAG 2.1 A og AA) på disse skærme og bredder og fejler, hvis der er én overtrædelse. Tastaturtesten bruger kun tastaturet.',
      screen: 'Skærm',
      widths: 'Bredder',
      kind: 'Kontrol',
      kindAxe: 'axe-core, 0 overtrædelser',
      kindKeyboard: 'kun tastatur',
      test: 'Test i koden',
      knownHeading: 'Det ved vi ikke er i orden',
      known: {
        pdf: 'Rapporter i PDF fra eksporten er ikke kontrolleret for tilgængelighed. Brug HTML- eller Markdown-rapporten, der har samme indhold med overskrifter og tabeller.',
        assistive: 'Vi har ikke testet med skærmlæsere (som NVDA, JAWS og VoiceOver) og rigtige brugere endnu; de automatiske test finder ikke alt.',
        emoji: 'Reaktionerne vises som emoji. De har altid en tekst for skærmlæsere, men enheder uden emoji-skrifttype viser et tomt felt.',
        projector: 'Projektorvisningen skifter side af sig selv, når der er flere idéer, end der er plads til. Den kan sættes på pause, men pauseknappen ses først, når man holder musen over eller går til den med tastaturet.',
      },
      reportHeading: 'Sådan melder du et problem',
      reportContact: 'Oplever du et problem med tilgængeligheden, så skriv til: {{contact}}',
      reportNoContact:
        'Oplever du et problem med tilgængeligheden, så skriv til den kommune eller organisation, der sendte dig linket til Samskab.',
      enforcementHeading: 'Hvis du ikke får svar',
      enforcement:
        'Får du ikke et tilfredsstillende svar, kan du klage til Digitaliseringsstyrelsen, som fører tilsyn med tilgængeligheden af offentlige websteder.',
      enforcementLink: 'Klag til Digitaliseringsstyrelsen (was.digst.dk)',
      reviewedHeading: 'Hvornår erklæringen er lavet',
      reviewed: 'Erklæringen blev sidst gennemgået {{date}} ud fra projektets egne automatiske test.',
      back: 'Til forsiden',
      other: 'This statement in English',
    },
  },
};
