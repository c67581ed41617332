import {
  SURVEY_STORAGE_PREFIX,
  type StoredSurvey,
  alreadyAnswered,
  markSubmitted,
  newDraft,
  newId,
  readSurvey,
  writeSurvey,
} from './survey-storage';

const DEVICE = 'device-key-0123456789';
let ids = 0;
const makeId = () => `id-${++ids}-0123456789abcdef`;

describe('survey storage', () => {
  beforeEach(() => {
    localStorage.clear();
    ids = 0;
  });

  it('starts a fresh record with a device key when nothing is stored', () => {
    const sut = readSurvey(localStorage, 'tok', makeId);

    expect(sut).toEqual({ deviceKey: 'id-1-0123456789abcdef', draft: null, submitted: null });
  });

  it('keeps the draft, page and device key per token, and reads them back', () => {
    const draft = { ...newDraft(null, false, makeId), page: 2, answers: { q1: 'yes' } };
    const state: StoredSurvey = { deviceKey: DEVICE, draft, submitted: null };

    expect(writeSurvey(localStorage, 'tok', state)).toBe(true);

    expect(readSurvey(localStorage, 'tok', makeId)).toEqual(state);
    expect(readSurvey(localStorage, 'other', makeId).draft).toBeNull();
  });

  it('starts afresh from something unreadable, and makes a new device key for a bad one', () => {
    localStorage.setItem(`${SURVEY_STORAGE_PREFIX}tok`, '{not json');
    expect(readSurvey(localStorage, 'tok', makeId).draft).toBeNull();

    localStorage.setItem(
      `${SURVEY_STORAGE_PREFIX}tok`,
      JSON.stringify({ deviceKey: 'short', draft: { responseId: 'r', page: -1 } }),
    );
    const sut = readSurvey(localStorage, 'tok', makeId);
    expect(sut.deviceKey).not.toBe('short');
    expect(sut.draft).toBeNull();
  });

  it('works without storage (browsers that refuse it): a fresh record each time, nothing written', () => {
    const refusing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    } as unknown as Storage;

    expect(readSurvey(refusing, 'tok', makeId).draft).toBeNull();
    expect(writeSurvey(refusing, 'tok', { deviceKey: DEVICE, draft: null, submitted: null })).toBe(
      false,
    );
    expect(writeSurvey(null, 'tok', { deviceKey: DEVICE, draft: null, submitted: null })).toBe(
      false,
    );
  });

  it('after sending forgets the answers but keeps the device key and the mark', () => {
    const draft = { ...newDraft('person-1', false, makeId), answers: { q1: 'yes' } };

    const sut = markSubmitted({ deviceKey: DEVICE, draft, submitted: null }, '2027-02-01T10:00Z');

    expect(sut).toEqual({
      deviceKey: DEVICE,
      draft: null,
      submitted: { at: '2027-02-01T10:00Z', responseId: draft.responseId, personalKey: 'person-1' },
    });
  });

  it('says "already answered" after a send, until someone else starts, or for the same personal link', () => {
    const submitted = { at: '2027-02-01T10:00Z', responseId: 'r1', personalKey: null };
    const sent: StoredSurvey = { deviceKey: DEVICE, draft: null, submitted };

    expect(alreadyAnswered(sent, null)).toBe(true);
    expect(alreadyAnswered({ ...sent, draft: newDraft(null, true, makeId) }, null)).toBe(false);
    expect(alreadyAnswered({ ...sent, submitted: { ...submitted, personalKey: 'p1' } }, 'p1')).toBe(
      true,
    );
    expect(alreadyAnswered({ ...sent, submitted: { ...submitted, personalKey: 'p1' } }, 'p2')).toBe(
      false,
    );
    expect(alreadyAnswered({ ...sent, submitted: null }, null)).toBe(false);
  });

  it('makes UUIDs for response ids', () => {
    expect(newId()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});
