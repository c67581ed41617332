import { ErrorCode, InitiativeStatus, type InitiativeDto } from '@blup/contracts';
import { changedBody, CONFLICT, openPage } from '../shared/form-page-test';
import { InitiativeFormPage } from './initiative-form.page';

const initiative = (version: number, title: string): InitiativeDto => ({
  id: 'i1',
  villageId: 'v1',
  villageName: 'Glumsø og Omegn',
  focusAreaId: 'a1',
  focusAreaName: 'Mobilitet',
  title,
  description: '',
  goals: [{ id: 'g1', title: 'Samkørsel' }],
  contact: { userId: null, name: 'Karin Holm', phone: '+45 20 30 40 50', email: null },
  members: [
    { userId: 'u1', name: 'Trine Svendsen', email: 'trine@blup.test', phone: null },
    { userId: null, name: 'Ole Jensen', email: null, phone: '20304050' },
  ],
  partners: ['Glumsø Borgerforening', 'Næstved Kommune'],
  milestone: { what: 'Første tur', date: '2027-05-01' },
  status: InitiativeStatus.InProgress,
  progress: 40,
  weight: 3,
  version,
  updatedAt: '2026-12-01T10:00:00Z',
  updatedBy: { id: 'u2', name: 'Anna Holm', email: 'anna@blup.test' },
  canEdit: true,
});

describe(InitiativeFormPage.name, () => {
  it('sends the working group and partners as loaded, and after a 409 saves from their version', async () => {
    const { fixture, http, element, byTestId, settle, submit } = await openPage(
      InitiativeFormPage,
      'initiatives',
      { id: 'i1' },
    );
    const flushLists = () => {
      const empty = { items: [], total: 0, page: 1, pageSize: 100 };
      http
        .match((r) => r.url === '/api/villages/v1/focus-areas')
        .forEach((r) => r.flush({ ...empty, items: [{ id: 'a1', name: 'Mobilitet' }] }));
      http
        .match((r) => r.url === '/api/villages/v1/goals')
        .forEach((r) => r.flush({ ...empty, items: [{ id: 'g1', title: 'Samkørsel' }] }));
      http
        .match((r) => r.url === '/api/villages/v1/initiative-people')
        .forEach((r) => r.flush({ ...empty, items: [{ id: 'u1', name: 'Trine Svendsen' }] }));
    };
    fixture.detectChanges();
    http.expectOne('/api/initiatives/i1').flush(initiative(1, 'Samkørselsapp'));
    // The focus areas, goals and people load once the initiative has named its village.
    for (let i = 0; i < 3; i++) {
      fixture.detectChanges();
      await Promise.resolve();
      flushLists();
    }
    await settle();
    const title = byTestId('title') as HTMLInputElement;
    expect(title.value).toBe('Samkørselsapp');
    expect((byTestId('member-1-name') as HTMLInputElement).value).toBe('Ole Jensen');
    expect(byTestId('status-in_progress')?.getAttribute('aria-pressed')).toBe('true');

    title.value = 'Min udgave';
    title.dispatchEvent(new Event('input'));
    submit();
    const first = http.expectOne('/api/initiatives/i1');
    expect(first.request.body).toEqual({
      title: 'Min udgave',
      focusAreaId: 'a1',
      goalIds: ['g1'],
      status: InitiativeStatus.InProgress,
      progress: 40,
      weight: 3,
      milestone: { what: 'Første tur', date: '2027-05-01' },
      contact: { name: 'Karin Holm', phone: '+45 20 30 40 50', email: null },
      members: [
        { userId: 'u1', phone: null },
        { name: 'Ole Jensen', phone: '20304050', email: null },
      ],
      partners: ['Glumsø Borgerforening', 'Næstved Kommune'],
      description: '',
      version: 1,
    });
    first.flush(
      changedBody(
        ErrorCode.InitiativeChanged,
        'Anna Holm changed the initiative while you were writing.',
        'Anna Holm',
        2,
      ),
      CONFLICT,
    );
    await settle();
    expect(element.textContent).toContain('Anna Holm har ændret initiativet');

    byTestId('load-their-version')?.click();
    fixture.detectChanges();
    http.expectOne('/api/initiatives/i1').flush(initiative(2, 'Samkørsel og delebil'));
    await settle();
    expect(title.value).toBe('Samkørsel og delebil');
    expect(byTestId('load-their-version')).toBeNull();

    submit();
    const second = http.expectOne('/api/initiatives/i1');
    expect(second.request.body).toMatchObject({ title: 'Samkørsel og delebil', version: 2 });
  });
});
