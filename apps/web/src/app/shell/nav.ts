import { Role, type SessionUser } from '@blup/contracts';
import type { TranslationKey } from '@blup/web/core';
import type { IconName } from '@blup/web/ui';

export interface NavItem {
  id: string;
  label: TranslationKey;
  link: string;
  icon: IconName;
}

function item(id: string, label: TranslationKey, link: string, icon: IconName): NavItem {
  return { id, label, link, icon };
}

const home = item('home', 'nav.home', '/', 'home');
const profile = item('profile', 'nav.profile', '/profile', 'person');
const municipalities = item(
  'municipalities',
  'nav.municipalities',
  '/municipalities',
  'municipality',
);
const villages = item('villages', 'nav.villages', '/villages', 'village');
const cohorts = item('cohorts', 'nav.cohorts', '/cohorts', 'cohort');
const courses = item('courses', 'nav.courses', '/courses', 'school');
const authoring = item('authoring', 'nav.authoring', '/authoring', 'edit');
const progress = item('progress', 'nav.progress', '/progress', 'insights');
const circles = item('circles', 'nav.circles', '/circles', 'forum');
const mySessions = item('my-sessions', 'nav.mySessions', '/sessions', 'cohort');
const gatherings = item('gatherings', 'nav.gatherings', '/moeder', 'cohort');
const newsletters = item('newsletters', 'nav.newsletters', '/newsletters', 'mail');
const enrolment = item('enrolment', 'nav.enrolment', '/enrolment', 'school');
const intake = item('intake', 'nav.intake', '/enrolment/intake', 'list');
const people = item('people', 'nav.people', '/people', 'people');
const library = item('library', 'nav.library', '/bibliotek', 'article');
const myQuestions = item('my-questions', 'nav.myQuestions', '/hjaelp', 'help');
const hotline = item('hotline', 'nav.hotline', '/hotline', 'help');
const privacy = item('privacy', 'nav.privacy', '/persondata', 'person');

function myMunicipality(id: string | null): NavItem[] {
  return id
    ? [item('my-municipality', 'nav.myMunicipality', `/municipalities/${id}`, 'municipality')]
    : [];
}

function myVillage(id: string | null): NavItem[] {
  return id
    ? [
        item('my-village', 'nav.myVillage', `/villages/${id}`, 'village'),
        item('my-goals', 'nav.myGoals', `/villages/${id}/goals`, 'flag'),
      ]
    : [];
}

/** The menu a person sees: only what their role can open. */
export function navFor(user: SessionUser): NavItem[] {
  switch (user.role) {
    case Role.Secretariat:
      return [
        home,
        gatherings,
        mySessions,
        circles,
        newsletters,
        intake,
        courses,
        library,
        authoring,
        progress,
        municipalities,
        villages,
        cohorts,
        people,
        hotline,
        privacy,
        profile,
      ];
    case Role.Coordinator:
      return [
        home,
        gatherings,
        mySessions,
        circles,
        newsletters,
        intake,
        courses,
        library,
        progress,
        ...myMunicipality(user.municipalityId),
        villages,
        cohorts,
        people,
        myQuestions,
        profile,
      ];
    case Role.SteeringMember:
      return [
        home,
        gatherings,
        mySessions,
        newsletters,
        courses,
        library,
        enrolment,
        ...myVillage(user.villageId),
        people,
        myQuestions,
        profile,
      ];
    default:
      return [
        home,
        gatherings,
        courses,
        library,
        enrolment,
        ...myMunicipality(user.municipalityId),
        myQuestions,
        profile,
      ];
  }
}
