import { signedVillage, verifiedVillage } from './newsletter-link';

const SECRET = 's'.repeat(32);
const TOKEN = 'tok_abcdefghijklmnopqrstuvwxyz';
const VILLAGE = '6f1c2b9e-8a4d-4c1e-9b7a-2d3e4f5a6b7c';
const OTHER = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

describe(verifiedVillage.name, () => {
  it('gives back the village a link was signed for', () => {
    expect(verifiedVillage(SECRET, TOKEN, signedVillage(SECRET, TOKEN, VILLAGE))).toBe(VILLAGE);
  });

  it.each([
    ['no v', undefined],
    ['a bare village id', VILLAGE],
    ['an empty signature', `${VILLAGE}.`],
    [
      'another village with this signature',
      `${OTHER}.${signedVillage(SECRET, TOKEN, VILLAGE).split('.')[1]}`,
    ],
    [
      'a signature for another newsletter',
      signedVillage(SECRET, 'tok_another_newsletter_xx', VILLAGE),
    ],
    ['a signature with another secret', signedVillage('t'.repeat(32), TOKEN, VILLAGE)],
  ])('refuses %s', (_what, v) => {
    expect(verifiedVillage(SECRET, TOKEN, v)).toBeNull();
  });
});
