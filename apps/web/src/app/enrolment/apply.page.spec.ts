import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { type ApplicationFormOptionsDto, FundingStatus, RequirementState } from '@blup/contracts';
import { apiErrorInterceptor, loadTextSection } from '@blup/web/core';
import { ApplyPage } from './apply.page';

const OPTIONS: ApplicationFormOptionsDto = {
  offerings: [
    {
      id: 'o1',
      name: 'Forår 2027',
      startsOn: '2027-02-01',
      endsOn: '2027-11-30',
      capacity: 10,
      placesLeft: 4,
      priceDkk: 48_000,
    },
  ],
  municipalities: [{ id: 'm1', name: 'Næstved' }],
};

describe(ApplyPage.name, () => {
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

  async function render() {
    const fixture = TestBed.createComponent(ApplyPage);
    fixture.detectChanges();
    http.expectOne('/api/applications/form-options').flush(OPTIONS);
    const settle = async () => {
      fixture.detectChanges();
      await TestBed.inject(ApplicationRef).whenStable();
      await fixture.whenStable();
      fixture.detectChanges();
    };
    await settle();
    const sut = fixture.componentInstance;
    const element = fixture.nativeElement as HTMLElement;
    return {
      sut,
      settle,
      element,
      byTestId: (id: string) => element.querySelector<HTMLElement>(`[data-testid="${id}"]`),
      click: async (id: string) => {
        element.querySelector<HTMLElement>(`[data-testid="${id}"]`)?.click();
        await settle();
      },
    };
  }

  it('picks the only open cohort and keeps step 1 until the village is named', async () => {
    const { sut, byTestId, click } = await render();

    expect(sut['form'].controls.offeringId.value).toBe('o1');
    expect(byTestId('offering-name')?.textContent).toContain('Forår 2027');
    await click('next');
    expect(byTestId('step-title')?.textContent).toContain('Landsbyen');

    sut['form'].patchValue({ municipalityId: 'm1', villageName: 'Testrup' });
    await click('next');
    expect(byTestId('step-title')?.textContent).toContain('Kommunen');
  });

  it('updates the checklist live, marks a repeated email, and sends what was filled in', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const { sut, settle, byTestId, click } = await render();
    const form = sut['form'];
    const state = (key: string) => byTestId(`requirement-${key}`)?.getAttribute('data-state');
    expect(state('municipality')).toBe(RequirementState.Missing);

    form.patchValue({
      municipalityId: 'm1',
      villageName: ' Testrup ',
      contactName: 'Kirsten',
      contactEmail: 'kirsten@naestved.dk',
      fundingStatus: FundingStatus.Agreed,
      cooperationText: 'Vi laver sommerfest og fællesspisning sammen hvert år.',
      applicantName: 'Anna',
      applicantEmail: 'anna@example.dk',
    });
    form.controls.people.at(0).patchValue({ name: 'Anna', email: 'anna@example.dk' });
    form.controls.people.at(1).patchValue({ name: 'Bo', email: 'ANNA@example.dk' });
    await settle();

    expect(state('municipality')).toBe(RequirementState.Met);
    expect(state('locals')).toBe(RequirementState.Missing);
    expect(state('cooperation')).toBe(RequirementState.ToAssess);
    expect(form.controls.people.at(1).controls.email.hasError('duplicate')).toBe(true);

    form.controls.people.at(1).patchValue({ email: 'bo@example.dk' });
    await settle();
    expect(form.controls.people.at(1).controls.email.hasError('duplicate')).toBe(false);
    expect(state('locals')).toBe(RequirementState.Met);

    for (let step = 0; step < 3; step++) await click('next');
    await click('send');
    const sent = http.expectOne('/api/applications');
    expect(sent.request.body).toEqual({
      offeringId: 'o1',
      municipalityId: 'm1',
      villageId: null,
      villageName: 'Testrup',
      contactName: 'Kirsten',
      contactEmail: 'kirsten@naestved.dk',
      fundingStatus: FundingStatus.Agreed,
      cooperationText: 'Vi laver sommerfest og fællesspisning sammen hvert år.',
      people: [
        { name: 'Anna', email: 'anna@example.dk', position: null },
        { name: 'Bo', email: 'bo@example.dk', position: null },
      ],
      applicantName: 'Anna',
      applicantEmail: 'anna@example.dk',
    });
    sent.flush({ id: 'a1', villageName: 'Testrup' });
    await settle();
    expect(navigate).toHaveBeenCalledWith(['/enrolment/apply/received'], {
      state: { receipt: { id: 'a1', villageName: 'Testrup' } },
    });
  });

  it('looks up the municipality’s villages page by page and searches them by name', async () => {
    const { sut, settle, byTestId } = await render();
    const fixture = TestBed.inject(ApplicationRef);
    // Runs effects and the resource's request without waiting for it to be answered.
    const request = async () => {
      fixture.tick();
      await new Promise((resolve) => setTimeout(resolve, 0));
      fixture.tick();
    };
    const form = sut['form'];
    form.patchValue({ municipalityId: 'm1', villageMode: 'existing' });
    await request();
    const villagesUrl = '/api/applications/form-options/villages';
    const first = http.expectOne((r) => r.url === villagesUrl);
    expect(first.request.params.get('municipalityId')).toBe('m1');
    expect(first.request.params.get('pageSize')).toBe('50');
    expect(first.request.params.has('q')).toBe(false);
    first.flush({
      items: Array.from({ length: 50 }, (_, i) => ({
        id: `v${i}`,
        name: `Landsby ${i}`,
        inCohort: false,
      })),
      total: 120,
      page: 1,
      pageSize: 50,
    });
    await settle();
    expect(byTestId('villages-shown')?.textContent).toContain('Viser 50 af 120');

    const search = byTestId('village-search') as HTMLInputElement;
    search.value = 'glum';
    search.dispatchEvent(new Event('input'));
    // The search waits for a pause in typing.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await request();
    const searched = http.expectOne((r) => r.url === villagesUrl);
    expect(searched.request.params.get('q')).toBe('glum');
    searched.flush({
      items: [{ id: 'v1', name: 'Glumsø og Omegn', inCohort: false }],
      total: 1,
      page: 1,
      pageSize: 50,
    });
    await settle();
    expect(sut['villages']()).toEqual([{ id: 'v1', name: 'Glumsø og Omegn', inCohort: false }]);
    expect(byTestId('villages-shown')).toBeNull();
    form.controls.villageId.setValue('v1');
    expect(form.controls.villageId.valid).toBe(true);
  });
});
