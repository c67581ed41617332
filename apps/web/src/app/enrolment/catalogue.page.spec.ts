import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import {
  type OfferingDto,
  OfferingApproval,
  OfferingKind,
  OfferingState,
  Role,
  type SessionUser,
  type VillageDto,
} from '@blup/contracts';
import { AuthStore, apiErrorInterceptor, loadTextSection } from '@blup/web/core';
import { CataloguePage } from './catalogue.page';

const MINI: OfferingDto = {
  id: 'o1',
  kind: OfferingKind.MiniBlup,
  name: 'Mini-BLUP forår',
  description: '',
  startsOn: '2027-03-01',
  endsOn: null,
  selfPaced: false,
  capacity: 8,
  priceDkk: 12_000,
  approval: OfferingApproval.Automatic,
  audience: null,
  cohortId: null,
  moduleId: 'm1',
  moduleTitle: 'Fase 1',
  phase: null,
  courseId: 'c1',
  courseTitle: 'BLUP',
  enrolClosesAt: null,
  publishedAt: '2026-11-01T00:00:00Z',
  closedAt: null,
  state: OfferingState.Open,
  closedReason: null,
  placesTaken: 0,
  placesLeft: 8,
  waitlistCount: 0,
  myEnrolment: null,
  createdAt: '2026-11-01T00:00:00Z',
};

function user(role: Role, village: { id: string; name: string } | null = null): SessionUser {
  return {
    id: 'u1',
    email: 'ane@example.dk',
    name: 'Ane',
    role,
    locale: 'da',
    municipalityId: 'mu1',
    municipalityName: 'Næstved',
    villageId: village?.id ?? null,
    villageName: village?.name ?? null,
    coordinationGroup: false,
    learnerKind: null,
  };
}

function village(id: string, name: string, cohortName: string | null): VillageDto {
  return {
    id,
    name,
    municipalityId: 'mu1',
    cohortId: cohortName ? 'k1' : null,
    cohortName,
  } as VillageDto;
}

const page = <T>(items: T[]) => ({ items, total: items.length, page: 1, pageSize: 20 });

describe(CataloguePage.name, () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    await TestBed.runInInjectionContext(loadTextSection('enrolment'));
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function render(as: SessionUser, answer: () => void = () => undefined) {
    TestBed.inject(AuthStore).update(as);
    const fixture = TestBed.createComponent(CataloguePage);
    const settle = async () => {
      fixture.detectChanges();
      await TestBed.inject(ApplicationRef).whenStable();
      await fixture.whenStable();
      fixture.detectChanges();
    };
    fixture.detectChanges();
    http.expectOne((r) => r.url === '/api/offerings').flush(page([MINI]));
    answer();
    await settle();
    const element = fixture.nativeElement as HTMLElement;
    return {
      settle,
      byTestId: (id: string) => element.querySelector<HTMLElement>(`[data-testid="${id}"]`),
    };
  }

  it('tells a learner who books a mini-BLUP instead of showing nothing', async () => {
    const { byTestId } = await render(user(Role.Learner));

    expect(byTestId('enrol-o1')).toBeNull();
    expect(byTestId('mini-blup-who-o1')?.textContent?.trim()).toBe(
      'Mini-BLUP tilmeldes af landsbyens styregruppe eller kommunens koordinator.',
    );
  });

  it('lets a steering member enrol their village', async () => {
    const { byTestId } = await render(
      user(Role.SteeringMember, { id: 'v1', name: 'Testrup' }),
      () => http.expectOne('/api/villages/v1').flush(village('v1', 'Testrup', null)),
    );

    expect(byTestId('enrol-o1')?.textContent?.trim()).toBe('Tilmeld Testrup');
    expect(byTestId('in-full-process-o1')).toBeNull();
  });

  it('explains instead of offering a mini-BLUP to a village in a full process', async () => {
    const { byTestId } = await render(
      user(Role.SteeringMember, { id: 'v2', name: 'Bakkely' }),
      () => http.expectOne('/api/villages/v2').flush(village('v2', 'Bakkely', 'Forår 2027')),
    );

    expect(byTestId('enrol-o1')).toBeNull();
    expect(byTestId('in-full-process-o1')?.textContent).toContain('»Forår 2027«');
  });

  it('does not let a coordinator pick a village that is in a cohort', async () => {
    const { byTestId, settle } = await render(user(Role.Coordinator), () =>
      http
        .expectOne((r) => r.url === '/api/villages')
        .flush(page([village('v1', 'Testrup', null), village('v2', 'Bakkely', 'Forår 2027')])),
    );
    expect(byTestId('enrol-o1')).not.toBeNull();

    const trigger = document.querySelector<HTMLElement>(
      '[data-testid="offering-o1"] .mat-mdc-select-trigger',
    );
    trigger?.click();
    await settle();
    const options = [...document.querySelectorAll<HTMLElement>('mat-option')].map((o) => ({
      text: o.textContent?.trim(),
      disabled: o.getAttribute('aria-disabled') === 'true',
    }));
    expect(options).toEqual([
      { text: 'Testrup', disabled: false },
      { text: 'Bakkely (med i forløbet »Forår 2027«)', disabled: true },
    ]);
  });
});
