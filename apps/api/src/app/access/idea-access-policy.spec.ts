import { village, villageWorkMatrix } from '../../../test/village-access-matrix';
import { ideaAccess } from './idea-access-policy';

describe(ideaAccess.name, () => {
  it.each(villageWorkMatrix)('decides for %s', (_who, sut, expected) => {
    expect(ideaAccess(sut, village)).toBe(expected);
  });
});
