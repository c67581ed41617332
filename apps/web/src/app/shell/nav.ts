import { Role, type SessionUser } from '@blup/contracts';
import type { TranslationKey } from '@blup/web/core';
import type { IconName } from '@blup/web/ui';

export interface NavItem {
  id: string;
  label: TranslationKey;
  link: string;
  icon: IconName;
}

const home: NavItem = { id: 'home', label: 'nav.home', link: '/', icon: 'home' };
const profile: NavItem = { id: 'profile', label: 'nav.profile', link: '/profile', icon: 'person' };
const municipalities: NavItem = {
  id: 'municipalities',
  label: 'nav.municipalities',
  link: '/municipalities',
  icon: 'municipality',
};
const villages: NavItem = {
  id: 'villages',
  label: 'nav.villages',
  link: '/villages',
  icon: 'village',
};
const cohorts: NavItem = { id: 'cohorts', label: 'nav.cohorts', link: '/cohorts', icon: 'cohort' };
const courses: NavItem = { id: 'courses', label: 'nav.courses', link: '/courses', icon: 'school' };
const authoring: NavItem = {
  id: 'authoring',
  label: 'nav.authoring',
  link: '/authoring',
  icon: 'edit',
};
const progress: NavItem = {
  id: 'progress',
  label: 'nav.progress',
  link: '/progress',
  icon: 'insights',
};
const circles: NavItem = { id: 'circles', label: 'nav.circles', link: '/circles', icon: 'forum' };
const mySessions: NavItem = {
  id: 'my-sessions',
  label: 'nav.mySessions',
  link: '/sessions',
  icon: 'cohort',
};
const newsletters: NavItem = {
  id: 'newsletters',
  label: 'nav.newsletters',
  link: '/newsletters',
  icon: 'mail',
};
const enrolment: NavItem = {
  id: 'enrolment',
  label: 'nav.enrolment',
  link: '/enrolment',
  icon: 'school',
};
const intake: NavItem = {
  id: 'intake',
  label: 'nav.intake',
  link: '/enrolment/intake',
  icon: 'list',
};
const people: NavItem = { id: 'people', label: 'nav.people', link: '/people', icon: 'people' };

function myMunicipality(id: string | null): NavItem[] {
  return id
    ? [
        {
          id: 'my-municipality',
          label: 'nav.myMunicipality',
          link: `/municipalities/${id}`,
          icon: 'municipality',
        },
      ]
    : [];
}

function myVillage(id: string | null): NavItem[] {
  return id
    ? [{ id: 'my-village', label: 'nav.myVillage', link: `/villages/${id}`, icon: 'village' }]
    : [];
}

/** The menu a person sees: only what their role can open. */
export function navFor(user: SessionUser): NavItem[] {
  switch (user.role) {
    case Role.Secretariat:
      return [
        home,
        mySessions,
        circles,
        newsletters,
        intake,
        courses,
        authoring,
        progress,
        municipalities,
        villages,
        cohorts,
        people,
        profile,
      ];
    case Role.Coordinator:
      return [
        home,
        mySessions,
        circles,
        newsletters,
        intake,
        courses,
        progress,
        ...myMunicipality(user.municipalityId),
        villages,
        cohorts,
        people,
        profile,
      ];
    case Role.SteeringMember:
      return [
        home,
        mySessions,
        newsletters,
        courses,
        enrolment,
        ...myVillage(user.villageId),
        people,
        profile,
      ];
    default:
      return [home, courses, enrolment, ...myMunicipality(user.municipalityId), profile];
  }
}
