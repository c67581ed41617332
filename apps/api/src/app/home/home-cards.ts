import type { ContinueWatchingDto, HomeCard, Locale } from '@blup/contracts';
import { copenhagenDate } from '../common/copenhagen-time';

/** Dates already put in words: a cohort's start date is on every member's home page. */
const LONG_DATES = new Map<string, string>();
const LONG_DATES_MAX = 1000;

/** A calendar date (YYYY-MM-DD) in words: "1. februar 2027", "1 February 2027". */
export function longDate(locale: Locale, isoDate: string): string {
  const key = `${locale} ${isoDate}`;
  const known = LONG_DATES.get(key);
  if (known !== undefined) return known;
  // Noon UTC is the same calendar day in Copenhagen, summer or winter.
  const date = new Date(`${isoDate}T12:00:00Z`);
  const words = Number.isNaN(date.getTime()) ? isoDate : copenhagenDate(date, locale);
  if (LONG_DATES.size >= LONG_DATES_MAX) LONG_DATES.clear();
  LONG_DATES.set(key, words);
  return words;
}

/** The words on the cards, per locale. */
const TEXT = {
  da: {
    municipalities: 'Kommuner',
    villages: 'Landsbyer',
    cohorts: 'Hold',
    people: 'Personer',
    villagesIn: (municipality: string) => `Landsbyer i ${municipality} Kommune`,
    villageCount: (n: number) => (n === 1 ? '1 landsby' : `${n} landsbyer`),
    municipality: 'Din kommune',
    village: (municipality: string) => `Din landsby i ${municipality} Kommune`,
    cohort: (startDate: string, started: boolean) =>
      `Dit hold ${started ? 'startede' : 'starter'} ${longDate('da', startDate)}`,
    continueTitle: 'Fortsæt hvor du slap',
    continueLine: (lesson: string, course: string, percent: number) =>
      `${lesson} · ${course} · ${percent} % set`,
    welcome: 'Velkommen til BLUP Akademiet',
    welcomeLine:
      'Her finder du kurser, workshops og netværk om strategisk udvikling og samarbejde i lokalsamfundet.',
  },
  en: {
    municipalities: 'Municipalities',
    villages: 'Villages',
    cohorts: 'Cohorts',
    people: 'People',
    villagesIn: (municipality: string) => `Villages in ${municipality} Municipality`,
    villageCount: (n: number) => (n === 1 ? '1 village' : `${n} villages`),
    municipality: 'Your municipality',
    village: (municipality: string) => `Your village in ${municipality} Municipality`,
    cohort: (startDate: string, started: boolean) =>
      `Your cohort ${started ? 'started' : 'starts'} on ${longDate('en', startDate)}`,
    continueTitle: 'Continue where you left off',
    continueLine: (lesson: string, course: string, percent: number) =>
      `${lesson} · ${course} · ${percent}% watched`,
    welcome: 'Welcome to BLUP Akademiet',
    welcomeLine:
      'Here you find courses, workshops and networks on strategic development and cooperation in local communities.',
  },
} satisfies Record<Locale, unknown>;

export interface SecretariatCounts {
  municipalities: number;
  villages: number;
  cohorts: number;
  people: number;
}

export function secretariatCards(locale: Locale, counts: SecretariatCounts): HomeCard[] {
  const t = TEXT[locale];
  return [
    {
      kind: 'municipality',
      title: t.municipalities,
      link: '/municipalities',
      count: counts.municipalities,
    },
    { kind: 'village', title: t.villages, link: '/villages', count: counts.villages },
    { kind: 'cohort', title: t.cohorts, link: '/cohorts', count: counts.cohorts },
    { kind: 'people', title: t.people, link: '/people', count: counts.people },
  ];
}

export interface CoordinatorFacts {
  municipalityId: string;
  municipalityName: string;
  villageCount: number;
}

export function coordinatorCards(locale: Locale, facts: CoordinatorFacts): HomeCard[] {
  const t = TEXT[locale];
  return [
    {
      kind: 'municipality',
      title: facts.municipalityName,
      subtitle: t.municipality,
      link: `/municipalities/${facts.municipalityId}`,
    },
    {
      kind: 'village',
      title: t.villagesIn(facts.municipalityName),
      subtitle: t.villageCount(facts.villageCount),
      link: '/villages',
      count: facts.villageCount,
    },
  ];
}

export interface SteeringFacts {
  villageId: string;
  villageName: string;
  municipalityName: string;
  /** startDate is the day of the cohort's first session (or its planned start, before any). */
  cohort: { id: string; name: string; startDate: string } | null;
  /** Today in Copenhagen (YYYY-MM-DD): a start before it is told in the past tense. */
  today: string;
}

export function steeringCards(locale: Locale, facts: SteeringFacts): HomeCard[] {
  const t = TEXT[locale];
  const cards: HomeCard[] = [
    {
      kind: 'village',
      title: facts.villageName,
      subtitle: t.village(facts.municipalityName),
      link: `/villages/${facts.villageId}`,
    },
  ];
  if (facts.cohort) {
    cards.push({
      kind: 'cohort',
      title: facts.cohort.name,
      subtitle: t.cohort(facts.cohort.startDate, facts.cohort.startDate <= facts.today),
      link: `/cohorts/${facts.cohort.id}`,
    });
  }
  return cards;
}

export function welcomeCards(locale: Locale): HomeCard[] {
  const t = TEXT[locale];
  return [{ kind: 'welcome', title: t.welcome, subtitle: t.welcomeLine }];
}

/** "Continue where you left off": the most recent unfinished video lesson. */
export function continueCard(locale: Locale, next: ContinueWatchingDto): HomeCard {
  const t = TEXT[locale];
  return {
    kind: 'continue',
    title: t.continueTitle,
    subtitle: t.continueLine(next.lessonTitle, next.courseTitle, next.percent),
    link: `/lessons/${next.lessonId}`,
  };
}
