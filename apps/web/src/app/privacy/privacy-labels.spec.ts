import { ErasureState } from '@blup/contracts';
import {
  auditEventText,
  erasureActions,
  erasureSubjectText,
  exportSubjectText,
  fileSize,
  myErasureView,
} from './privacy-labels';

describe('privacy labels', () => {
  it('lets a person undo only while cooling off, and ask again once nothing is open', () => {
    expect(myErasureView(null)).toBe('none');
    expect(myErasureView({ state: ErasureState.CoolingOff })).toBe('pending');
    expect(myErasureView({ state: ErasureState.Approved })).toBe('underway');
    expect(myErasureView({ state: ErasureState.Running })).toBe('underway');
    expect(myErasureView({ state: ErasureState.Failed })).toBe('underway');
    expect(myErasureView({ state: ErasureState.Cancelled })).toBe('none');
  });

  it('offers the secretariat only what the request’s state allows', () => {
    expect(erasureActions(ErasureState.CoolingOff)).toEqual(['approve', 'cancel']);
    expect(erasureActions(ErasureState.Approved)).toEqual(['cancel']);
    expect(erasureActions(ErasureState.Failed)).toEqual(['retry']);
    expect(erasureActions(ErasureState.Running)).toEqual([]);
    expect(erasureActions(ErasureState.Done)).toEqual([]);
    expect(erasureActions(ErasureState.Cancelled)).toEqual([]);
  });

  it('words audit events, steps by their name, and shows unknown events as they are', () => {
    expect(auditEventText('approved')).toEqual({
      key: 'privacy.auditEvent.approved',
      params: {},
    });
    expect(auditEventText('cool-off-ended').key).toBe('privacy.auditEvent.coolOffEnded');
    expect(auditEventText('step:users')).toEqual({
      key: 'privacy.auditStep',
      params: { name: 'users' },
    });
    expect(auditEventText('toString')).toEqual({
      key: 'privacy.auditOther',
      params: { event: 'toString' },
    });
  });

  it('calls only an erased person erased: an undone request or an expired copy just forgot the name', () => {
    expect(erasureSubjectText({ subjectLabel: 'Trine', state: ErasureState.CoolingOff })).toEqual({
      text: 'Trine',
    });
    expect(erasureSubjectText({ subjectLabel: null, state: ErasureState.Done })).toEqual({
      key: 'privacy.erasedSubject',
    });
    expect(erasureSubjectText({ subjectLabel: null, state: ErasureState.Cancelled })).toEqual({
      key: 'privacy.forgottenSubject',
    });
    expect(exportSubjectText({ subjectLabel: 'anna@example.dk' })).toEqual({
      text: 'anna@example.dk',
    });
    expect(exportSubjectText({ subjectLabel: null })).toEqual({ key: 'privacy.forgottenSubject' });
  });

  it('writes sizes as a person reads them', () => {
    expect(fileSize(512, 'da')).toBe('512 B');
    expect(fileSize(1234567, 'da')).toBe('1,2 MB');
    expect(fileSize(1234567, 'en')).toBe('1.2 MB');
    expect(fileSize(45_600, 'da')).toBe('46 kB');
  });
});
