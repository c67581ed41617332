import { ErrorCode, type RegistrationDto } from '@blup/contracts';
import { ApiError } from '@blup/web/core';
import { checkedIn, codeFrom, refused } from './check-in-code';

describe('check-in code', () => {
  describe(codeFrom.name, () => {
    it('reads the code from the address the QR code holds', () => {
      expect(codeFrom('https://blup.dk/moeder/g1/check-in?code=AB12CD34')).toBe('AB12CD34');
      expect(codeFrom('http://localhost:4200/moeder/g1/check-in?code=ab12cd34&x=1')).toBe(
        'AB12CD34',
      );
    });

    it('takes a typed code in any case, with spaces or a dash', () => {
      expect(codeFrom(' ab12 cd34 ')).toBe('AB12CD34');
      expect(codeFrom('AB12-CD34')).toBe('AB12CD34');
    });

    it('gives null for nothing usable', () => {
      expect(codeFrom('')).toBeNull();
      expect(codeFrom('   ')).toBeNull();
      expect(codeFrom('https://blup.dk/moeder/g1')).toBeNull();
      expect(codeFrom('<script>')).toBeNull();
    });
  });

  describe(refused.name, () => {
    const error = (code: string, status = 409, params = {}) =>
      new ApiError(status, 'x', null, {}, code, params);

    it('says when and who for a second scan', () => {
      expect(
        refused(error(ErrorCode.AlreadyCheckedIn, 409, { at: '2027-03-06T09:05:00Z' }), 'Ane'),
      ).toEqual({ kind: 'already', name: 'Ane', at: '2027-03-06T09:05:00Z' });
    });

    it('tells a waitlisted or cancelled registration from an unknown code', () => {
      expect(refused(error(ErrorCode.NotConfirmed))).toEqual({ kind: 'not-confirmed' });
      expect(refused(error(ErrorCode.RegistrationNotFound, 404))).toEqual({ kind: 'unknown' });
      expect(refused(error('not_found', 404))).toEqual({ kind: 'unknown' });
    });

    it('passes other failures on to be shown as they are', () => {
      const offline = new ApiError(0, 'offline');
      expect(refused(offline)).toEqual({ kind: 'failed', error: offline });
      expect(refused(new Error('boom')).kind).toBe('failed');
    });
  });

  it('names the person checked in', () => {
    expect(checkedIn({ name: 'Bo' } as RegistrationDto)).toEqual({
      kind: 'checked-in',
      name: 'Bo',
    });
  });
});
