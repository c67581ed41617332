import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { CourseAudience, type CourseDto, type CourseModuleDto } from '@blup/contracts';
import { CourseEditorPage } from './course-editor.page';

const aModule = (id: string, title: string): CourseModuleDto => ({
  id,
  title,
  summary: '',
  phase: null,
  months: '',
  position: 0,
  published: true,
  percent: 0,
  lessons: [],
});

const course: CourseDto = {
  id: 'c1',
  title: 'Samarbejde mellem lokalråd og kommune',
  summary: '',
  audience: CourseAudience.Academy,
  language: 'da',
  published: false,
  moduleCount: 3,
  lessonCount: 0,
  percent: 0,
  modules: [aModule('m1', 'Optakt'), aModule('m2', 'Mobilisering'), aModule('m3', 'Kortlægning')],
};

describe(CourseEditorPage.name, () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function settle() {
    for (let i = 0; i < 3; i++) {
      TestBed.tick();
      await Promise.resolve();
    }
  }

  async function render() {
    const fixture = TestBed.createComponent(CourseEditorPage);
    fixture.componentRef.setInput('id', 'c1');
    await settle();
    http.expectOne('/api/courses/c1').flush(course);
    await settle();
    const element = fixture.nativeElement as HTMLElement;
    const button = (label: string) =>
      element.querySelector<HTMLButtonElement>(`button[aria-label="${label}"]`);
    const titles = () =>
      [...element.querySelectorAll('.module h3')].map((h) => h.textContent?.trim());
    return { element, button, titles };
  }

  it('moves a module with the keyboard buttons and saves the new order', async () => {
    const { button, titles } = await render();

    expect(button('Flyt »Optakt« op')?.disabled).toBe(true);
    button('Flyt »Optakt« ned')?.click();
    await settle();

    const request = http.expectOne({ method: 'PUT', url: '/api/courses/c1/modules/order' });
    expect(request.request.body).toEqual({ ids: ['m2', 'm1', 'm3'] });
    request.flush(null);
    await settle();
    expect(titles()).toEqual(['Mobilisering', 'Optakt', 'Kortlægning']);
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Flyt »Optakt« ned');
  });

  it('loads the course again when the API refuses the order', async () => {
    const { button } = await render();

    button('Flyt »Kortlægning« op')?.click();
    await settle();
    http
      .expectOne('/api/courses/c1/modules/order')
      .flush({ message: 'Nej' }, { status: 400, statusText: 'Bad Request' });
    await settle();

    http.expectOne('/api/courses/c1').flush(course);
  });

  it('publishes the course from the toggle', async () => {
    const { element } = await render();

    element.querySelector<HTMLButtonElement>('[data-testid="published"] button')?.click();
    await settle();

    const request = http.expectOne({ method: 'PATCH', url: '/api/courses/c1' });
    expect(request.request.body).toEqual({ published: true });
    request.flush({ ...course, published: true });
    await settle();
    http.expectOne('/api/courses/c1').flush({ ...course, published: true });
  });
});
