/** Where to complain about personal data, and about accessibility (Danish authorities). */
export const DATATILSYNET_URL = 'https://www.datatilsynet.dk/';
export const DIGST_COMPLAINT_URL =
  'https://digst.dk/digital-inklusion/webtilgaengelighed/oplever-du-ikke-tilgaengeligt-indhold/';
