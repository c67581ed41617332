import { village, villageWorkMatrix } from '../../../test/village-access-matrix';
import { initiativeAccess } from './initiative-access-policy';

describe(initiativeAccess.name, () => {
  it.each(villageWorkMatrix)('decides for %s', (_who, sut, expected) => {
    expect(initiativeAccess(sut, village)).toBe(expected);
  });
});
