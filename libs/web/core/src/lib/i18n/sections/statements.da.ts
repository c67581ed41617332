/**
 * Danish texts for the two statements reachable from every page's footer (issue 17): the privacy
 * notice (`/privatliv`) and the accessibility statement (`/tilgaengelighed`).
 */
export const statementsDa = {
  contact: {
    heading: 'Kontakt',
    hotline: 'Har du en konto, så skriv til os under "Spørg sekretariatet" i menuen.',
    mail: 'Du kan også skrive en mail til sekretariatet:',
    phone: 'Eller ring til sekretariatet:',
  },
  privacy: {
    title: 'Sådan passer vi på dine oplysninger',
    intro:
      'Her kan du læse, hvilke oplysninger BLUP Akademiet har om dig, hvorfor vi har dem, hvor længe vi gemmer dem, og hvad du selv kan gøre.',
    whoHeading: 'Hvem har ansvaret?',
    who: 'BLUP-sekretariatet har ansvaret for dine oplysninger. Sekretariatet driver BLUP Akademiet og hjælper landsbyerne gennem BLUP-forløbet. Vi bruger kun dine oplysninger til BLUP, og vi sælger dem aldrig.',
    municipalitiesHeading: 'Hvad får kommunen at vide?',
    municipalities:
      'Kommunen betaler for landsbyens forløb. Den får kun at vide, hvor langt landsbyen er nået, og tal som hvor mange der er med. Kommunen ser ikke, hvem der har svaret hvad, og den får ikke dine kontaktoplysninger fra os.',
    dataHeading: 'Hvilke oplysninger, hvorfor og hvor længe?',
    dataIntro:
      'Listen kommer direkte fra platformen, så den altid passer med det, vi faktisk gemmer.',
    loading: 'Henter listen over oplysninger …',
    loadFailedTitle: 'Listen kunne ikke hentes lige nu',
    loadFailedText:
      'Prøv igen om lidt. Resten af siden gælder stadig, og du kan altid spørge sekretariatet.',
    retry: 'Prøv igen',
    retention: 'Gemmes: {retention}',
    fields: 'Oplysninger',
    kinds: {
      account: 'din konto',
      name: 'navn',
      email: 'e-mail',
      phone: 'telefon',
      ip: 'IP-adresse',
      device: 'hvilken browser eller telefon',
      text: 'hvad du har skrevet',
      answers: 'dine svar',
      secret: 'koder, gemt så ingen kan læse dem',
      detail: 'sprog og lignende',
      authorship: 'hvem der skrev hvad',
    },
    basis: {
      contract: 'Fordi du bruger platformen og er med i forløbet',
      consent: 'Fordi du har sagt ja',
      legitimate_interest: 'Fordi BLUP skal kunne fungere',
      public_task: 'Fordi kommunen har en opgave, vi løser sammen med den',
    },
    basisText: {
      contract:
        'Vi har brug for oplysningerne for at give dig det, du har meldt dig til (GDPR art. 6, stk. 1, b).',
      consent:
        'Du har selv sagt ja, og du kan til enhver tid trække dit ja tilbage (GDPR art. 6, stk. 1, a).',
      legitimate_interest:
        'Vi har en rimelig grund, som vi har vejet op mod dit privatliv (GDPR art. 6, stk. 1, f).',
      public_task:
        'Oplysningerne hører til en offentlig opgave, som kommunen har (GDPR art. 6, stk. 1, e).',
    },
    rightsHeading: 'Det kan du selv gøre',
    rightSee:
      'Se og hente dine oplysninger: på din profil trykker du på "Hent mine data". Du får en fil med alt, vi har om dig.',
    rightErase:
      'Slette dig: på din profil trykker du på "Slet min konto". Du har {days, plural, one {# dag} other {# dage}} til at fortryde, derefter sletter vi dig.',
    rightPanel:
      'Er du med i borgerpanelet uden en konto, så brug linket nederst i hvert nyhedsbrev. Der kan du melde dig ud og slette dig med det samme.',
    rightFix:
      'Er noget forkert, så ret det på din profil, eller bed sekretariatet om at rette det.',
    rightNoAccount:
      'Har du ikke en konto, men har vi din mail (fx fra et møde), så skriv til sekretariatet. Så henter eller sletter vi for dig.',
    complainHeading: 'Klage',
    complain:
      'Er du utilfreds med, hvordan vi passer på dine oplysninger, så skriv gerne til os først. Du kan også klage til Datatilsynet:',
    complainLink: 'Datatilsynet (datatilsynet.dk)',
  },
  accessibility: {
    title: 'Tilgængelighedserklæring',
    intro:
      'BLUP Akademiet skal kunne bruges af alle, også med skærmlæser, med forstørrelse eller kun med tastaturet. Her kan du læse, hvor langt vi er, og hvad der endnu ikke virker godt nok.',
    statusHeading: 'Overholder vi kravene?',
    status:
      'Platformen overholder delvist kravene i WCAG 2.1 på niveau AA (standarden EN 301 549). Det betyder, at vi overholder de fleste krav, men at der er kendte problemer, som står herunder.',
    problemsHeading: 'Det virker endnu ikke godt nok',
    problemLetter:
      'Nyhedsbreve vises i en ramme for sig selv. Rammen bliver ikke tjekket automatisk. Har du svært ved at læse et nyhedsbrev, så sig til, så sender vi det i en anden form.',
    problemUploads:
      'Dokumenter og billeder, som andre lægger op (fx i biblioteket), er ikke altid gjort tilgængelige, fx PDF-filer uden overskrifter.',
    problemVideos: 'Ikke alle videoer på kurserne har undertekster endnu.',
    problemManual:
      'Vi har endnu ikke fået hele platformen gennemgået af en ekstern part eller af brugere med skærmlæser.',
    methodHeading: 'Sådan har vi tjekket det',
    method:
      'Vi har selv vurderet platformen. Hver gang koden ændres, kører vores browsertest siderne herunder igennem værktøjet axe-core. Findes der et alvorligt eller kritisk problem, bliver ændringen stoppet, til det er rettet. Siderne tjekkes på en telefon (390 px bred) og på en almindelig skærm (1280 px bred), som angivet ved hver side.',
    reviewed: 'Erklæringen er sidst gennemgået {date}.',
    pagesHeading: 'Sider, der tjekkes automatisk',
    pagesIntro:
      'Hver side er tjekket, som den ser ud på et bestemt tidspunkt i en test: {count} tjek i alt.',
    checks: '{count, plural, one {# tjek} other {# tjek}}',
    pages: '{count, plural, one {# side} other {# sider}}',
    phone: 'telefon',
    desktop: 'skærm',
    feedbackHeading: 'Fortæl os, hvis noget ikke virker',
    feedback:
      'Oplever du noget, du ikke kan bruge, så sig til. Du kan også bede om indholdet i en anden form. Skriv ikke dit cpr-nummer eller helbredsoplysninger.',
    complainHeading: 'Klage til Digitaliseringsstyrelsen',
    complain:
      'Får du ikke svar inden for 10 arbejdsdage, eller er du ikke tilfreds med svaret, kan du henvende dig til Digitaliseringsstyrelsen:',
    complainLink: 'Oplever du ikke-tilgængeligt indhold? (digst.dk)',
    areas: {
      signIn: 'Log ind og invitationer',
      home: 'Forside og menu',
      villages: 'Landsbyer og kommuner',
      plans: 'Udviklingsplan, mål og initiativer',
      circles: 'Studiekredse, hold og møder',
      gatherings: 'Borgermøder',
      courses: 'Kurser',
      enrolment: 'Tilmelding',
      surveys: 'Spørgeskemaer og idéer',
      newsletters: 'Nyhedsbreve og borgerpanel',
      help: 'Hjælp og bibliotek',
      statements: 'Privatliv og tilgængelighed',
    },
  },
};
