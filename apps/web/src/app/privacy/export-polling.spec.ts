import { type PrivacyExportDto, PrivacyExportStatus } from '@blup/contracts';
import { of } from 'rxjs';
import { EXPORT_POLL_MS, followExport } from './export-polling';

describe(followExport.name, () => {
  const item = (status: PrivacyExportStatus, progress = 0): PrivacyExportDto => ({
    id: 'e1',
    subjectKind: 'user',
    subjectLabel: 'Trine',
    status,
    progress,
    requestedById: 'u1',
    createdAt: '2026-12-07T10:00:00.000Z',
    finishedAt: null,
    expiresAt: null,
    sizeBytes: null,
    downloadUrl: null,
  });

  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('asks every two seconds while queued or running, and stops once it is ready', () => {
    const answers = [item(PrivacyExportStatus.Running, 50), item(PrivacyExportStatus.Ready, 100)];
    const load = jest.fn(() => of(answers.shift() ?? item(PrivacyExportStatus.Failed)));
    const seen: string[] = [];
    let completed = false;

    followExport(item(PrivacyExportStatus.Queued), load).subscribe({
      next: (e) => seen.push(`${e.status} ${e.progress}`),
      complete: () => (completed = true),
    });
    expect(seen).toEqual(['queued 0']);
    jest.advanceTimersByTime(EXPORT_POLL_MS * 5);

    expect(seen).toEqual(['queued 0', 'running 50', 'ready 100']);
    expect(load).toHaveBeenCalledTimes(2);
    expect(completed).toBe(true);
  });

  it('stops asking when the page is left', () => {
    const load = jest.fn(() => of(item(PrivacyExportStatus.Running, 10)));
    const subscription = followExport(item(PrivacyExportStatus.Queued), load).subscribe();
    jest.advanceTimersByTime(EXPORT_POLL_MS);
    expect(load).toHaveBeenCalledTimes(1);

    subscription.unsubscribe();
    jest.advanceTimersByTime(EXPORT_POLL_MS * 5);

    expect(load).toHaveBeenCalledTimes(1);
  });

  it('does not ask at all about an export that is already done', () => {
    const load = jest.fn(() => of(item(PrivacyExportStatus.Ready)));
    followExport(item(PrivacyExportStatus.Ready, 100), load).subscribe();
    jest.advanceTimersByTime(EXPORT_POLL_MS * 3);
    expect(load).not.toHaveBeenCalled();
  });
});
