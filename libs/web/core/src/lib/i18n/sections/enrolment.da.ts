/** Danish texts for offerings, applications, enrolments, info meetings and the intake pipeline (issue 6). */
export const enrolmentDa = {
  title: 'Tilmelding',
};
