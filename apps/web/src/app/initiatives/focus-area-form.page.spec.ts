import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import type { FocusAreaDto } from '@blup/contracts';
import { openPage } from '../shared/form-page-test';
import { FocusAreaFormPage } from './focus-area-form.page';

const area = (version: number): FocusAreaDto => ({
  id: 'a1',
  villageId: 'v1',
  name: 'Mobilitet',
  description: 'At komme rundt uden bil.',
  position: 2,
  progress: 40,
  initiativeCount: 3,
  version,
  updatedAt: '2026-12-01T10:00:00Z',
  updatedBy: { id: 'u2', name: 'Anna Holm', email: 'anna@blup.test' },
  canEdit: true,
});

describe(FocusAreaFormPage.name, () => {
  it('adds a focus area and goes back to the village’s initiatives', async () => {
    const page = await openPage(FocusAreaFormPage, 'initiatives', { villageId: 'v1' });
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    await page.settle();
    const name = page.byTestId('area-name') as HTMLInputElement;
    name.value = 'Fællesskab';
    name.dispatchEvent(new Event('input'));
    page.submit();
    const create = page.http.expectOne('/api/villages/v1/focus-areas');
    expect(create.request.method).toBe('POST');
    expect(create.request.body).toEqual({ name: 'Fællesskab', description: '' });
    create.flush({ ...area(1), name: 'Fællesskab' });
    await page.settle();
    expect(document.body.textContent).toContain('Indsatsområdet er gemt.');
    expect(navigate).toHaveBeenCalledWith(['/villages', 'v1', 'initiatives']);
  });

  it('changes a focus area from the version it loaded', async () => {
    const page = await openPage(FocusAreaFormPage, 'initiatives', { villageId: 'v1', id: 'a1' });
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    page.fixture.detectChanges();
    page.http.expectOne('/api/focus-areas/a1').flush(area(4));
    await page.settle();
    const name = page.byTestId('area-name') as HTMLInputElement;
    expect(name.value).toBe('Mobilitet');
    name.value = 'Mobilitet og trafik';
    name.dispatchEvent(new Event('input'));
    page.submit();
    const update = page.http.expectOne('/api/focus-areas/a1');
    expect(update.request.method).toBe('PATCH');
    expect(update.request.body).toEqual({
      name: 'Mobilitet og trafik',
      description: 'At komme rundt uden bil.',
      position: 2,
      version: 4,
    });
    update.flush(area(5));
    await page.settle();
    expect(navigate).toHaveBeenCalledWith(['/villages', 'v1', 'initiatives']);
  });
});
