/** Danish texts for the newsletter editor, preview, sending and archive (issue 5). */
export const newslettersDa = {
  title: 'Nyhedsbreve',
};
