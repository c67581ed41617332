import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationRef } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import {
  DocumentKind,
  ErrorCode,
  InitiativeStatus,
  type DocumentConflict,
  type FocusAreaOverviewDto,
  type PlanContent,
  type VillageDocumentDto,
} from '@blup/contracts';
import { apiErrorInterceptor, loadTextSection } from '@blup/web/core';
import { PlanEditorPage } from './plan-editor.page';

const DOC = '/api/villages/v1/documents/plan';

const plan = (...sections: [string, string, string][]): PlanContent => ({
  sections: sections.map(([id, title, text]) => ({ id, title, text })),
});

const doc = (revision: number, content: PlanContent): VillageDocumentDto<PlanContent> => ({
  villageId: 'v1',
  villageName: 'Glumsø og Omegn',
  kind: DocumentKind.Plan,
  year: null,
  content,
  revision,
  updatedAt: '2026-12-01T10:00:00Z',
  updatedBy: { id: 'u1', name: 'Mette Lund', email: 'mette@blup.test' },
  published: null,
  changedSincePublished: true,
  publicPath: null,
  canEdit: true,
  canPublish: true,
});

const theirs: DocumentConflict<PlanContent> = {
  revision: 2,
  content: plan(['trafik', 'Trafik', 'Deres ord om bussen.']),
  updatedAt: '2026-12-01T10:05:00Z',
  updatedBy: { id: 'u2', name: 'Anna Holm', email: 'anna@blup.test' },
};

const area: FocusAreaOverviewDto = {
  id: 'f1',
  villageId: 'v1',
  name: 'Mobilitet',
  description: '',
  position: 1,
  progress: 55,
  initiativeCount: 1,
  version: 1,
  updatedAt: '2026-12-01T10:00:00Z',
  updatedBy: null,
  canEdit: true,
  initiatives: [
    {
      id: 'i1',
      title: 'Samkørselsbænke',
      status: InitiativeStatus.InProgress,
      progress: 40,
      weight: 3,
      milestone: { what: 'Første bænk', date: null },
      contactName: 'Karin Holm',
    },
  ],
};

/** The editor opened on revision 1, a section changed, saved, and answered with a 409. */
async function afterConflict(): Promise<{
  fixture: ComponentFixture<PlanEditorPage>;
  http: HttpTestingController;
  byTestId: (id: string) => HTMLElement | null;
  settle: () => Promise<void>;
}> {
  localStorage.clear();
  TestBed.configureTestingModule({
    providers: [
      provideRouter([]),
      provideHttpClient(withInterceptors([apiErrorInterceptor])),
      provideHttpClientTesting(),
    ],
  });
  await TestBed.runInInjectionContext(loadTextSection('plans'));
  await TestBed.runInInjectionContext(loadTextSection('goals'));
  await TestBed.runInInjectionContext(loadTextSection('initiatives'));
  const http = TestBed.inject(HttpTestingController);
  const fixture = TestBed.createComponent(PlanEditorPage);
  fixture.componentRef.setInput('villageId', 'v1');
  const settle = async () => {
    fixture.detectChanges();
    await TestBed.inject(ApplicationRef).whenStable();
    fixture.detectChanges();
  };
  const answerLists = () => {
    http
      .match((r) => r.url.startsWith(`${DOC}/`) && r.method === 'GET')
      .forEach((r) => r.flush({ items: [], total: 0, page: 1, pageSize: 10 }));
    http
      .match((r) => r.url === '/api/villages/v1/goals' || r.url === '/api/sdgs')
      .forEach((r) => r.flush({ items: [], total: 0, page: 1, pageSize: 100 }));
    http
      .match((r) => r.url === '/api/villages/v1/initiative-overview')
      .forEach((r) => r.flush({ items: [area], total: 1, page: 1, pageSize: 100 }));
  };
  fixture.detectChanges();
  http.expectOne(DOC).flush(doc(1, plan(['trafik', 'Trafik', 'Bussen kører sjældent.'])));
  // The goals, versions and history load once the document is there; answer them as they come.
  for (let round = 0; round < 4; round++) {
    fixture.detectChanges();
    await new Promise((resolve) => setTimeout(resolve));
    answerLists();
  }
  await settle();
  const element = fixture.nativeElement as HTMLElement;
  const byTestId = (id: string) => element.querySelector<HTMLElement>(`[data-testid="${id}"]`);

  const text = byTestId('section-text') as HTMLTextAreaElement;
  text.value = 'Mine ord om samkørsel.';
  text.dispatchEvent(new Event('input'));
  await settle();
  byTestId('save-draft')?.click();
  const save = http.expectOne(`${DOC}/draft`);
  expect(save.request.method).toBe('PUT');
  expect(save.request.body).toEqual({
    content: plan(['trafik', 'Trafik', 'Mine ord om samkørsel.']),
    revision: 1,
  });
  save.flush(
    {
      statusCode: 409,
      error: 'Conflict',
      code: ErrorCode.DocumentChanged,
      message: 'Anna Holm saved the plan while you were writing.',
      params: { name: 'Anna Holm', at: theirs.updatedAt, revision: 2 },
      current: theirs,
      requestId: 'r1',
    },
    { status: 409, statusText: 'Conflict' },
  );
  await settle();
  return { fixture, http, byTestId, settle };
}

describe(PlanEditorPage.name, () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify({ ignoreCancelled: true }));

  it('shows the focus areas and initiatives below the goals, read-only, linking to each initiative', async () => {
    const { byTestId } = await afterConflict();
    const section = byTestId('plan-initiatives') as HTMLElement;
    expect(section.textContent).toContain('Mobilitet');
    expect(section.textContent).toContain('55');
    expect(section.textContent).toContain('Samkørselsbænke');
    expect(section.textContent).toContain('Første bænk');
    expect(section.textContent).not.toContain('Karin');
    expect(section.querySelector('a[href="/initiatives/i1"]')).not.toBeNull();
    expect(section.querySelector('a[href="/villages/v1/initiatives"]')).not.toBeNull();
    expect(section.querySelector('input, textarea')).toBeNull();
  });

  it('after a 409, shows their version beside mine, marks what differs, and saves nothing yet', async () => {
    const { byTestId } = await afterConflict();
    const conflict = byTestId('conflict');
    expect(conflict?.textContent).toContain('Anna Holm gemte en ændring');
    expect(byTestId('conflict-theirs')?.textContent).toContain('Deres ord om bussen.');
    expect(byTestId('conflict-mine')?.textContent).toContain('Mine ord om samkørsel.');
    expect(byTestId('conflict-theirs')?.querySelector('.differs')).not.toBeNull();
    expect((byTestId('save-draft') as HTMLButtonElement).disabled).toBe(true);
    expect((byTestId('publish') as HTMLButtonElement).disabled).toBe(true);
  });

  it('“take theirs” puts their sections in the editor and saves from their revision', async () => {
    const { http, byTestId, settle } = await afterConflict();
    byTestId('take-theirs')?.click();
    await settle();
    expect(byTestId('conflict')).toBeNull();
    expect((byTestId('section-text') as HTMLTextAreaElement).value).toBe('Deres ord om bussen.');

    const text = byTestId('section-text') as HTMLTextAreaElement;
    text.value = 'Deres ord om bussen. Og lidt af mine.';
    text.dispatchEvent(new Event('input'));
    await settle();
    byTestId('save-draft')?.click();
    const save = http.expectOne(`${DOC}/draft`);
    expect(save.request.body).toEqual({
      content: plan(['trafik', 'Trafik', 'Deres ord om bussen. Og lidt af mine.']),
      revision: 2,
    });
  });

  it('“keep mine” keeps my text and saves it on top of their revision', async () => {
    const { http, byTestId, settle } = await afterConflict();
    byTestId('keep-mine')?.click();
    await settle();
    expect(byTestId('conflict')).toBeNull();
    expect((byTestId('section-text') as HTMLTextAreaElement).value).toBe('Mine ord om samkørsel.');
    expect(byTestId('notice')?.textContent).toContain('Gem igen');
    byTestId('save-draft')?.click();
    const save = http.expectOne(`${DOC}/draft`);
    expect(save.request.body).toEqual({
      content: plan(['trafik', 'Trafik', 'Mine ord om samkørsel.']),
      revision: 2,
    });
  });
});
