import { LibraryLinkTarget } from '@blup/contracts';
import { linkFromAddress } from './link-address';

const id = '3f2b8c1e-9d4a-4f6b-8e2a-1c5d7e9f0a3b';

describe(linkFromAddress.name, () => {
  it.each([
    [`https://blup.dk/sessions/${id}`, LibraryLinkTarget.Session],
    [`/lessons/${id.toUpperCase()}`, LibraryLinkTarget.Lesson],
    [`https://blup.dk/newsletters/${id}/read?v=x`, LibraryLinkTarget.Newsletter],
    [` ${id} `, null],
  ])('reads %s', (text, target) => {
    expect(linkFromAddress(text)).toEqual({ targetId: id, target });
  });

  it('gives null without an id', () => {
    expect(linkFromAddress('https://blup.dk/sessions/abc')).toBeNull();
  });
});
