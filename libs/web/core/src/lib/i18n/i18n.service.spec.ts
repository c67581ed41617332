import { ApplicationRef, computed } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { da } from './da';
import { flatten, placeholderNames } from './dictionary';
import { en } from './en';
import { DICTIONARIES, I18nService, LOCALE_STORAGE_KEY } from './i18n.service';
import { enrolmentDa } from './sections/enrolment.da';
import { enrolmentEn } from './sections/enrolment.en';
import { goalsDa } from './sections/goals.da';
import { goalsEn } from './sections/goals.en';
import { initiativesDa } from './sections/initiatives.da';
import { initiativesEn } from './sections/initiatives.en';
import { libraryDa } from './sections/library.da';
import { libraryEn } from './sections/library.en';
import { plansDa } from './sections/plans.da';
import { plansEn } from './sections/plans.en';
import { wheelDa } from './sections/wheel.da';
import { wheelEn } from './sections/wheel.en';
import { surveyAdminDa } from './sections/survey-admin.da';
import { surveyAdminEn } from './sections/survey-admin.en';
import { newslettersDa } from './sections/newsletters.da';
import { newslettersEn } from './sections/newsletters.en';
import { panelDa } from './sections/panel.da';
import { panelEn } from './sections/panel.en';
import { surveyAnswerDa } from './sections/survey-answer.da';
import { surveyAnswerEn } from './sections/survey-answer.en';
import { privacyDa } from './sections/privacy.da';
import { privacyEn } from './sections/privacy.en';
import { loadTextSection } from './text-sections';

describe(I18nService.name, () => {
  function create(providers: unknown[] = []): I18nService {
    TestBed.configureTestingModule({ providers: providers as never[] });
    return TestBed.inject(I18nService);
  }

  beforeEach(() => {
    localStorage.clear();
    document.documentElement.lang = '';
  });

  it('starts in Danish and says so on <html lang>', () => {
    const sut = create();

    expect(sut.locale()).toBe('da');
    expect(sut.t('auth.signIn')).toBe('Log ind');
    expect(document.documentElement.lang).toBe('da');
  });

  it('switches to English, remembers it and updates <html lang>', () => {
    const sut = create();

    sut.setLocale('en');

    expect(sut.t('auth.signIn')).toBe('Sign in');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('starts in the language remembered on this device', () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'en');

    expect(create().locale()).toBe('en');
  });

  it('ignores a remembered value that is not a language', () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'klingon');
    const sut = create();

    sut.setLocale('xx' as never);

    expect(sut.locale()).toBe('da');
  });

  it('makes computed values follow the language', () => {
    const sut = create();
    const label = computed(() => sut.t('nav.home'));
    expect(label()).toBe('Forside');

    sut.setLocale('en');

    expect(label()).toBe('Home');
  });

  it('falls back to Danish, then to the key, when a text is missing', () => {
    const sut = create([
      { provide: DICTIONARIES, useValue: { da: { nav: { home: 'Forside' } }, en: {} } },
    ]);
    sut.setLocale('en');

    expect(sut.t('nav.home')).toBe('Forside');
    expect(sut.t('nav.people')).toBe('nav.people');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    const sut = create();

    expect(sut.t('home.title', { name: 'Ane' })).toBe('Velkommen, Ane');
    expect(sut.t('home.title')).toBe('Velkommen, {name}');
  });

  it('picks the plural form for every count, by the rules of each language', () => {
    const text =
      '{count, plural, =0 {Ingen deltagere} one {# deltager} other {# deltagere}} i {name}';
    const sut = create([
      {
        provide: DICTIONARIES,
        useValue: {
          da: { x: { members: text } },
          en: { x: { members: '{count, plural, one {# participant} other {# participants}}' } },
        },
      },
    ]);
    const members = (count: number | string) =>
      sut.t('x.members' as never, { count, name: 'Glumsø' });

    expect([0, 1, 2, 21].map(members)).toEqual([
      'Ingen deltagere i Glumsø',
      '1 deltager i Glumsø',
      '2 deltagere i Glumsø',
      '21 deltagere i Glumsø',
    ]);
    expect(members('1')).toBe('1 deltager i Glumsø');
    expect(sut.t('x.members' as never, { name: 'Glumsø' })).toBe(text.replace('{name}', 'Glumsø'));
    sut.setLocale('en');
    expect([1, 0, 2].map(members)).toEqual(['1 participant', '0 participants', '2 participants']);
  });

  it('says 1 in the singular in the real texts, in both languages', () => {
    const sut = create();
    expect(sut.t('progress.members', { count: 1 })).toBe('1 deltager');
    expect(sut.t('progress.members', { count: 3 })).toBe('3 deltagere');
    expect(sut.t('circles.planSaved', { count: 1 })).toBe('1 møde er planlagt.');
    expect(sut.t('errors.info_meeting_sign_up_rate_limited', { minutes: 1 })).toContain(
      'om 1 minut.',
    );
    sut.setLocale('en');
    expect(sut.t('progress.members', { count: 1 })).toBe('1 member');
    expect(sut.t('circles.planSaved', { count: 1 })).toBe('1 session has been planned.');
  });

  it('looks up a key known only at run time in the current language, and nowhere else', () => {
    const sut = create([
      {
        provide: DICTIONARIES,
        useValue: { da: { errors: { x: 'Hej {name}' } }, en: { errors: {} } },
      },
    ]);

    expect(sut.lookup('errors.x', { name: 'Ane' })).toBe('Hej Ane');
    expect(sut.lookup('errors.nothing')).toBeNull();

    sut.setLocale('en');

    expect(sut.lookup('errors.x')).toBeNull();
  });

  it('writes dates the way each language does', () => {
    const sut = create();
    expect(sut.formatDate('2026-02-01')).toMatch(/1\. februar 2026/);

    sut.setLocale('en');

    expect(sut.formatDate('2026-02-01')).toBe('1 February 2026');
  });

  describe('languages fetched on first use', () => {
    function lazy() {
      const fetched: string[] = [];
      const loader = (locale: 'da' | 'en', texts: object) => () => {
        fetched.push(locale);
        return Promise.resolve(texts);
      };
      const sut = create([
        {
          provide: DICTIONARIES,
          useValue: {
            da: loader('da', { nav: { home: 'Forside', profile: 'Profil' } }),
            en: loader('en', { nav: { home: 'Home' } }),
          },
        },
      ]);
      return { sut, fetched };
    }

    it('fetches Danish at start and English only when someone switches to it', async () => {
      const { sut, fetched } = lazy();
      await sut.ready();

      expect(fetched).toEqual(['da']);
      expect(sut.t('nav.home')).toBe('Forside');

      sut.setLocale('en');
      await TestBed.inject(ApplicationRef).whenStable(); // the fetch counts as pending work

      expect(fetched).toEqual(['da', 'en']);
      expect(sut.t('nav.home')).toBe('Home');
      expect(sut.t('nav.profile')).toBe('Profil'); // Danish still fills the gaps

      sut.setLocale('da');
      sut.setLocale('en');
      expect(fetched).toEqual(['da', 'en']); // once
    });

    it('starts in a remembered English and is ready once its texts are in', async () => {
      localStorage.setItem(LOCALE_STORAGE_KEY, 'en');
      const { sut, fetched } = lazy();

      await sut.ready();

      expect(fetched.sort()).toEqual(['da', 'en']);
      expect(sut.t('nav.home')).toBe('Home');
    });

    it('keeps a section registered before the language arrived', async () => {
      const { sut } = lazy();
      sut.registerSection('panel', { da: panelDa, en: panelEn });
      sut.setLocale('en');
      await sut.ready();

      expect(sut.t('nav.home')).toBe('Home');
      expect(sut.t('panel.title')).toBe(panelEn.title);
    });
  });

  describe('text sections', () => {
    it("shows a section's texts once it is registered, in both languages", () => {
      const sut = create();
      const title = computed(() => sut.t('panel.title'));
      expect(title()).toBe('panel.title');
      expect(sut.hasSection('panel')).toBe(false);

      sut.registerSection('panel', { da: panelDa, en: panelEn });

      expect(sut.hasSection('panel')).toBe(true);
      expect(title()).toBe('Borgerpanel');
      expect(sut.t('panel.joinTitle', { village: 'Glumsø' })).toBe('Borgerpanelet for Glumsø');
      sut.setLocale('en');
      expect(title()).toBe('Citizen panel');
      expect(sut.lookup('panel.title')).toBe('Citizen panel');
      expect(sut.t('auth.signIn')).toBe('Sign in');
    });

    it('falls back to Danish when a registered section lacks an English text', () => {
      const sut = create();
      const english = Object.fromEntries(
        Object.entries(panelEn).filter(([key]) => key !== 'title'),
      ) as unknown as typeof panelEn;
      sut.registerSection('panel', { da: panelDa, en: english });
      sut.setLocale('en');

      expect(sut.t('panel.title')).toBe('Borgerpanel');
      expect(sut.t('panel.emailLabel')).toBe('Your email');
    });

    it('loads a section from its own files through the route guard', async () => {
      const sut = create();

      await expect(TestBed.runInInjectionContext(loadTextSection('enrolment'))).resolves.toBe(true);

      expect(sut.hasSection('enrolment')).toBe(true);
      expect(sut.t('enrolment.title')).toBe(enrolmentDa.title);
      expect(sut.t('newsletters.title')).toBe('newsletters.title');
      sut.setLocale('en');
      expect(sut.t('enrolment.title')).toBe(enrolmentEn.title);
    });

    it('keeps the sections out of the dictionary loaded with the app', () => {
      expect(
        [
          'newsletters',
          'panel',
          'enrolment',
          'goals',
          'initiatives',
          'plans',
          'wheel',
          'surveyAdmin',
          'surveyAnswer',
          'library',
        ].filter((name) => name in da),
      ).toEqual([]);
      expect(
        [
          'newsletters',
          'panel',
          'enrolment',
          'goals',
          'initiatives',
          'plans',
          'wheel',
          'surveyAdmin',
          'surveyAnswer',
          'library',
        ].filter((name) => name in en),
      ).toEqual([]);
    });
  });

  describe('dictionaries', () => {
    // The app's dictionary and every lazy section, checked the same way.
    const allDa = {
      ...da,
      newsletters: newslettersDa,
      panel: panelDa,
      enrolment: enrolmentDa,
      goals: goalsDa,
      initiatives: initiativesDa,
      plans: plansDa,
      wheel: wheelDa,
      surveyAdmin: surveyAdminDa,
      surveyAnswer: surveyAnswerDa,
      library: libraryDa,
      privacy: privacyDa,
    };
    const allEn = {
      ...en,
      newsletters: newslettersEn,
      panel: panelEn,
      enrolment: enrolmentEn,
      goals: goalsEn,
      initiatives: initiativesEn,
      plans: plansEn,
      wheel: wheelEn,
      surveyAdmin: surveyAdminEn,
      surveyAnswer: surveyAnswerEn,
      library: libraryEn,
      privacy: privacyEn,
    };
    const daKeys = [...flatten(allDa).keys()].sort();
    const enKeys = [...flatten(allEn).keys()].sort();

    it('have the same keys in Danish and English', () => {
      expect(enKeys).toEqual(daKeys);
    });

    it('have no empty texts', () => {
      const empty = [...flatten(allDa), ...flatten(allEn)].filter(([, text]) => !text.trim());
      expect(empty).toEqual([]);
    });

    it('use the same placeholders in both languages', () => {
      const placeholders = (text: string) => placeholderNames(text).sort();
      const english = flatten(allEn);
      const differing = [...flatten(allDa)].filter(
        ([key, text]) => placeholders(text).join() !== placeholders(english.get(key) ?? '').join(),
      );
      expect(differing).toEqual([]);
    });

    it('write a number followed by its noun as a plural block, so 1 is singular', () => {
      // "{count} deltagere" reads "1 deltagere"; `{count, plural, one {…} other {…}}` does not.
      const noun =
        /\{\w+\} (deltager|medlem|møde|landsby|minut|lektion|modul|time|dag|række|svar|plads|person|participant|member|session|village|minute|lesson|module|hour|day|row|character|answer|place|people)/;
      const unplural = [...flatten(allDa), ...flatten(allEn)].filter(([, text]) => noun.test(text));
      expect(unplural).toEqual([]);
    });
  });
});
