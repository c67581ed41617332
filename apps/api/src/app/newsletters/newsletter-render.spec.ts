import { GoalStatus, InitiativeStatus, NewsletterTargetKind, SurveyPurpose } from '@blup/contracts';
import { personalKey, personHash } from '../surveys/survey-keys';
import { readUnsubscribeToken } from '../citizen-panel/unsubscribe-link';
import type { NewsletterRecipient } from './newsletter-ports';
import {
  inkOn,
  renderCopy,
  sessionFor,
  type RenderSource,
  type SessionFacts,
  type VillageCard,
} from './newsletter-render';
import { signedVillage } from './newsletter-link';

const SECRET = 'x'.repeat(40);
const VILLAGE_A = '11111111-1111-4111-8111-111111111111';
const VILLAGE_B = '22222222-2222-4222-8222-222222222222';
const LESSON = '33333333-3333-4333-8333-333333333333';
const USER = '44444444-4444-4444-8444-444444444444';
const SUBSCRIBER = '55555555-5555-4555-8555-555555555555';

const sessionA: SessionFacts = {
  id: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
  title: 'Kortlægning',
  startsAt: new Date('2027-03-25T18:00:00Z'),
  endsAt: new Date('2027-03-25T19:30:00Z'),
  joinUrl: 'https://meet.jit.si/blup-a',
  villageId: VILLAGE_A,
  villageName: 'Åby',
  cancelled: false,
};
const sessionB: SessionFacts = {
  ...sessionA,
  id: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb',
  startsAt: new Date('2027-03-26T17:00:00Z'),
  endsAt: new Date('2027-03-26T18:00:00Z'),
  joinUrl: null,
  villageId: VILLAGE_B,
  villageName: 'Bøl',
};

function source(): RenderSource {
  return {
    publicUrl: 'https://blup.test',
    signingSecret: SECRET,
    newsletter: {
      id: 'n1',
      subject: 'Nyt til {{landsby}}, {{navn}}',
      preheader: 'Kort fortalt',
      blocks: [
        {
          type: 'text',
          html: '<p>Kære {{navn}} i {{landsby}} {{andet}}</p><script>alert(1)</script>',
        },
        { type: 'video', lessonId: LESSON },
        { type: 'next_steps', items: ['Inviter naboen'] },
        { type: 'session' },
      ],
      webToken: 'tok_abcdefghijklmnopqrstuvwxyz',
      targetKind: NewsletterTargetKind.Plan,
      targetTitle: 'Kortlægning',
    },
    lessons: new Map([
      [
        LESSON,
        {
          id: LESSON,
          title: 'Sådan kortlægger I',
          moduleTitle: 'Kortlægning',
          courseTitle: 'Landsbyprocessen',
          summary: 'En kort video.',
          inspiration: true,
        },
      ],
    ]),
    villages: new Map([
      [VILLAGE_A, { id: VILLAGE_A, name: 'Åby' }],
      [VILLAGE_B, { id: VILLAGE_B, name: 'Bøl' }],
    ]),
    sessions: [sessionA, sessionB],
  };
}

const member: NewsletterRecipient = {
  email: 'ana@example.dk',
  name: 'Ana <Admin>',
  locale: 'da',
  userId: USER,
  subscriberId: null,
  villageId: VILLAGE_A,
  sessionId: sessionA.id,
};

describe('renderCopy', () => {
  it('personalises subject and text per recipient and village, escaped', () => {
    const copy = renderCopy(source(), { person: member, villageId: member.villageId });
    expect(copy.subject).toBe('Nyt til Åby, Ana <Admin>');
    expect(copy.html).toContain('Kære Ana &lt;Admin&gt; i Åby {{andet}}');
    expect(copy.html).not.toContain('<script');
    expect(copy.html).not.toContain('Ana <Admin>');
    expect(copy.text).toContain('Kære Ana <Admin> i Åby {{andet}}');
  });

  it("shows the village's own session time, room and calendar link", () => {
    const a = renderCopy(source(), { person: member, villageId: VILLAGE_A });
    expect(a.html).toContain('torsdag den 25. marts 2027 kl. 19.00–20.30');
    expect(a.html).toContain('href="https://meet.jit.si/blup-a"');
    expect(a.html).toContain(
      'https://blup.test/api/newsletters/web/tok_abcdefghijklmnopqrstuvwxyz/calendar.ics?v=' +
        signedVillage(SECRET, 'tok_abcdefghijklmnopqrstuvwxyz', VILLAGE_A),
    );
    expect(a.text).toContain('Gå til mødet: https://meet.jit.si/blup-a');
    const b = renderCopy(source(), {
      person: { ...member, email: 'b@example.dk', villageId: VILLAGE_B, sessionId: sessionB.id },
      villageId: VILLAGE_B,
    });
    expect(b.subject).toBe('Nyt til Bøl, Ana <Admin>');
    expect(b.html).toContain('fredag den 26. marts 2027 kl. 18.00–19.00');
    expect(b.html).not.toContain('blup-a');
    expect(b.text).toContain('Linket til mødet kommer på mødesiden.');
  });

  it('renders the video card and next steps', () => {
    const copy = renderCopy(source(), { person: member, villageId: VILLAGE_A });
    expect(copy.html).toContain('Sådan kortlægger I');
    expect(copy.html).toContain(`href="https://blup.test/lessons/${LESSON}"`);
    expect(copy.text).toContain(`Se videoen: https://blup.test/lessons/${LESSON}`);
    expect(copy.text).toContain('Næste skridt\n1. Inviter naboen');
  });

  it('adds one-click unsubscribe headers and footer links with a token naming the person', () => {
    const copy = renderCopy(source(), { person: member, villageId: VILLAGE_A });
    const match = /^<https:\/\/blup\.test\/api\/unsubscribe\/([^>]+)>$/.exec(
      copy.headers['List-Unsubscribe'],
    );
    expect(match).not.toBeNull();
    expect(readUnsubscribeToken(SECRET, (match as RegExpExecArray)[1])).toEqual({
      kind: 'user',
      id: USER,
    });
    expect(copy.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(copy.html).toContain('https://blup.test/panel/preferences?token=');
    expect(copy.webUrl).toBe(
      `https://blup.test/newsletters/web/tok_abcdefghijklmnopqrstuvwxyz?v=${signedVillage(SECRET, 'tok_abcdefghijklmnopqrstuvwxyz', VILLAGE_A)}`,
    );
    expect(copy.text).toContain(`Læs nyhedsbrevet i din browser: ${copy.webUrl}`);

    const panel = renderCopy(source(), {
      person: { ...member, userId: null, subscriberId: SUBSCRIBER, name: '' },
      villageId: VILLAGE_A,
    });
    const token = /unsubscribe\/([^>]+)>/.exec(panel.headers['List-Unsubscribe'])?.[1] ?? '';
    expect(readUnsubscribeToken(SECRET, token)).toEqual({ kind: 'subscriber', id: SUBSCRIBER });
    expect(panel.text).toContain('borgerpanelet i Åby');
    expect(panel.subject).toBe('Nyt til Åby, alle');
    // A panel subscriber has no account: no link to the members' session page.
    expect(panel.html).not.toContain('/sessions/');
  });

  it('renders the web version without any person, headers or unsubscribe link', () => {
    const copy = renderCopy(source(), { person: null, villageId: VILLAGE_B });
    expect(copy.headers).toEqual({});
    expect(copy.html).not.toContain('unsubscribe');
    expect(copy.html).not.toContain('preferences');
    expect(copy.subject).toBe('Nyt til Bøl, alle');
  });

  it("shows every village's time, and no one village's room, in the village-neutral web version", () => {
    const copy = renderCopy(source(), { person: null, villageId: null });
    expect(copy.subject).toBe('Nyt til jeres landsby, alle');
    expect(copy.text).toContain('Hver landsby mødes til sin egen tid:');
    expect(copy.text).toContain('- Åby: torsdag den 25. marts 2027 kl. 19.00–20.30');
    expect(copy.text).toContain('- Bøl: fredag den 26. marts 2027 kl. 18.00–19.00');
    expect(copy.html).not.toContain('blup-a');
    expect(copy.html).not.toContain('calendar.ics');
    expect(copy.webUrl).toBe('https://blup.test/newsletters/web/tok_abcdefghijklmnopqrstuvwxyz');
  });

  it('gives every link that opens a new tab rel="noopener noreferrer"', () => {
    const copy = renderCopy(source(), { person: member, villageId: VILLAGE_A });
    const blank = (copy.html.match(/<a [^>]*>/g) ?? []).filter((a) => a.includes('_blank'));
    expect(blank.length).toBeGreaterThan(3);
    for (const link of blank) expect(link).toContain('rel="noopener noreferrer"');
  });

  it('uses a table layout at most 600 px wide with the preheader hidden first', () => {
    const copy = renderCopy(source(), { person: member, villageId: VILLAGE_A });
    expect(copy.html).toMatch(/^<!doctype html>/);
    expect(copy.html).toContain('max-width:600px');
    expect(copy.html).toContain('role="presentation"');
    expect(copy.html.indexOf('Kort fortalt')).toBeLessThan(copy.html.indexOf('Kære'));
  });
});

describe('village cards', () => {
  const goal: VillageCard = {
    kind: 'goal',
    id: 'g1',
    title: 'Samkørsel <til> byen',
    status: GoalStatus.OnTrack,
    villageName: 'Åby',
    pageUrl: 'https://blup.test/landsby/aaby',
    sdgs: [
      { number: 11, colour: '#FD9D24' },
      { number: 13, colour: '#3F7E44' },
    ],
    indicator: 'Faste ruter',
    baseline: 0,
    targetValue: 5,
    currentValue: 2.5,
    progress: null,
    milestoneWhat: null,
    milestoneDate: null,
  };
  const initiative: VillageCard = {
    ...goal,
    kind: 'initiative',
    id: 'i1',
    title: 'Bænke ved Brugsen',
    status: InitiativeStatus.Planned,
    sdgs: [],
    indicator: '',
    currentValue: null,
    progress: 40,
    milestoneWhat: 'Første bænk',
    milestoneDate: '2027-05-01',
  };
  const withCards = (cards: VillageCard[]): RenderSource => ({
    ...source(),
    newsletter: {
      ...source().newsletter,
      blocks: [
        { type: 'village_card', kind: 'goal', id: 'g1' },
        { type: 'village_card', kind: 'initiative', id: 'i1' },
      ],
    },
    villageCards: new Map(cards.map((card) => [`${card.kind}:${card.id}`, card])),
  });

  it('draws a goal with its SDGs in their colours and its progress in words, escaped', () => {
    const copy = renderCopy(withCards([goal, initiative]), { person: member, villageId: null });
    expect(copy.html).toContain('Samkørsel &lt;til&gt; byen');
    expect(copy.html).toContain('background:#FD9D24;color:#000000">11<');
    expect(copy.html).toContain('href="https://blup.test/landsby/aaby"');
    expect(copy.text).toContain('Landsbymål i Åby: Samkørsel <til> byen');
    expect(copy.text).toContain('Det er på vej. Faste ruter: nu 2,5 af 5 (fra 0).');
    expect(copy.text).toContain(
      'Det er planlagt. 40 procent færdigt. Næste skridt: Første bænk, senest lørdag den 1. maj 2027.',
    );
    expect(copy.text).toContain('Læs Åbys udviklingsplan: https://blup.test/landsby/aaby');
  });

  it('speaks English to an English reader', () => {
    const copy = renderCopy(withCards([goal]), {
      person: { ...member, locale: 'en' },
      villageId: null,
    });
    expect(copy.text).toContain('Village goal in Åby');
    expect(copy.text).toContain('It is on track. Faste ruter: now 2.5 of 5 (from 0).');
  });

  it('leaves out a card whose village took its plan down (not loaded)', () => {
    const copy = renderCopy(withCards([]), { person: member, villageId: null });
    expect(copy.html).not.toContain('Landsbymål');
    expect(copy.text).not.toContain('landsby/aaby');
  });

  it('picks ink that reads on each SDG colour', () => {
    expect(inkOn('#FD9D24')).toBe('#000000');
    expect(inkOn('#19486A')).toBe('#ffffff');
  });
});

describe('sessionFor', () => {
  it("picks the recipient's session, else the village's, else the earliest live one", () => {
    expect(sessionFor([sessionA, sessionB], null, sessionB.id)).toBe(sessionB);
    expect(sessionFor([sessionA, sessionB], VILLAGE_B)).toBe(sessionB);
    expect(sessionFor([sessionB, sessionA], null)).toBe(sessionA);
    expect(sessionFor([], null)).toBeNull();
  });
});

describe('survey blocks', () => {
  const SURVEY = '66666666-6666-4666-8666-666666666666';
  const withSurvey = (): RenderSource => ({
    ...source(),
    newsletter: {
      ...source().newsletter,
      blocks: [{ type: 'survey', purpose: SurveyPurpose.Mapping }],
    },
    surveys: new Map([
      [
        `${VILLAGE_A}:mapping`,
        { id: SURVEY, title: 'Hvordan er det at bo her?', publicToken: 'tok-abcdefghijklmnop' },
      ],
    ]),
  });

  it('links the village’s open survey with the recipient’s personal key', () => {
    const copy = renderCopy(withSurvey(), { person: member, villageId: VILLAGE_A });
    const key = personalKey(SECRET, SURVEY, member.email);
    expect(copy.text).toContain(`https://blup.test/svar/tok-abcdefghijklmnop?p=${key}`);
    expect(copy.html).toContain('Hvordan er det at bo her?');
    expect(personHash(SECRET, SURVEY, key)).not.toBeNull();
  });

  it('links the public page in the web version, and leaves the block out where there is no survey', () => {
    const web = renderCopy(withSurvey(), { person: null, villageId: VILLAGE_A });
    expect(web.text).toContain('https://blup.test/svar/tok-abcdefghijklmnop\n');
    const other = renderCopy(withSurvey(), { person: member, villageId: VILLAGE_B });
    expect(other.text).not.toContain('/svar/');
  });
});
