import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import {
  type PublicSurveyDto,
  QuestionKind,
  type SubmitSurveyResponseRequest,
  type SurveyQuestionDto,
} from '@blup/contracts';
import { apiErrorInterceptor, loadTextSection } from '@blup/web/core';
import { SurveyAnswerPage } from './survey-answer.page';
import { SURVEY_STORAGE_PREFIX } from './survey-storage';

const base: Omit<SurveyQuestionDto, 'id' | 'kind' | 'title'> = {
  help: '',
  required: false,
  options: [],
  rows: [],
  maxChoices: null,
  maxLength: null,
  scaleLabels: null,
  condition: null,
  personalData: false,
  consentText: null,
  published: false,
};

const survey: PublicSurveyDto = {
  title: 'Glumsø i fremtiden',
  intro: 'Hjælp os med at lægge planer.',
  villageName: 'Glumsø og Omegn',
  municipalityName: 'Næstved',
  opensAt: null,
  closesAt: null,
  anonymousLink: true,
  pages: [
    {
      id: 'p1',
      title: 'Om dig',
      questions: [
        {
          ...base,
          id: 'lives',
          kind: QuestionKind.SingleChoice,
          title: 'Bor du i byen?',
          required: true,
          options: [
            { id: 'yes', label: 'Ja' },
            { id: 'no', label: 'Nej' },
          ],
        },
        {
          ...base,
          id: 'street',
          kind: QuestionKind.ShortText,
          title: 'Hvilken gade?',
          condition: { questionId: 'lives', optionIds: ['yes'] },
        },
      ],
    },
    {
      id: 'p2',
      title: 'Trivsel',
      questions: [{ ...base, id: 'happy', kind: QuestionKind.Scale, title: 'Hvor glad?' }],
    },
  ],
};

const URL = '/api/public/surveys/tok';
const KEY = `${SURVEY_STORAGE_PREFIX}tok`;

describe(SurveyAnswerPage.name, () => {
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
    await TestBed.runInInjectionContext(loadTextSection('surveyAnswer'));
    http = TestBed.inject(HttpTestingController);
  });

  async function render() {
    const fixture = TestBed.createComponent(SurveyAnswerPage);
    fixture.componentRef.setInput('token', 'tok');
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    const settle = async () => {
      await TestBed.inject(ApplicationRef).whenStable();
      await fixture.whenStable();
    };
    const byTestId = (id: string) => element.querySelector<HTMLElement>(`[data-testid="${id}"]`);
    const choose = async (label: string) => {
      const input = [...element.querySelectorAll<HTMLLabelElement>('label')]
        .find((l) => l.textContent?.trim() === label)
        ?.querySelector('input');
      input?.click();
      await settle();
    };
    const click = async (testId: string) => {
      byTestId(testId)?.click();
      await settle();
    };
    return { fixture, element, settle, byTestId, choose, click };
  }

  it('goes page by page, checks the required answers, keeps them on the device and sends once', async () => {
    const { element, settle, byTestId, choose, click } = await render();
    http.expectOne(URL).flush(survey);
    await settle();

    expect(element.querySelector('h1')?.textContent).toContain('Glumsø i fremtiden');
    expect(byTestId('survey-progress')?.textContent).toContain('Side 1 af 2');
    expect(element.textContent).not.toContain('Hvilken gade?');

    await click('survey-next');
    const problem = byTestId('problem-lives');
    expect(problem?.textContent).toContain('Svar på dette spørgsmål');
    expect(byTestId('question-lives')?.getAttribute('aria-describedby')).toContain(problem?.id);

    await choose('Ja');
    expect(element.textContent).toContain('Hvilken gade?');
    expect(byTestId('problem-lives')).toBeNull();
    const stored = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    expect(stored.draft.answers).toEqual({ lives: 'yes' });

    await click('survey-next');
    expect(byTestId('survey-progress')?.textContent).toContain('Side 2 af 2');
    expect(JSON.parse(localStorage.getItem(KEY) ?? '{}').draft.page).toBe(1);
    await choose('4');

    await click('survey-send');
    const post = http.expectOne(`${URL}/responses`);
    const body = post.request.body as SubmitSurveyResponseRequest;
    expect(body).toEqual(
      expect.objectContaining({
        id: stored.draft.responseId,
        deviceKey: stored.deviceKey,
        answers: { lives: 'yes', happy: 4 },
        consents: [],
        language: 'da',
      }),
    );
    post.flush(
      { id: body.id, submittedAt: '2027-02-01T10:00:00Z' },
      { status: 201, statusText: 'Created' },
    );
    await settle();

    expect(byTestId('survey-thanks')?.textContent).toContain('Tak for dine svar!');
    const after = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    expect(after.draft).toBeNull();
    expect(after.deviceKey).toBe(stored.deviceKey);
  });

  it('keeps the answers on a lost connection and sends the same response again', async () => {
    localStorage.setItem(
      KEY,
      JSON.stringify({
        deviceKey: 'device-key-0123456789',
        draft: {
          responseId: 'resp-1',
          page: 1,
          answers: { lives: 'no', happy: 2 },
          consents: [],
          anotherPerson: false,
          personalKey: null,
        },
        submitted: null,
      }),
    );
    const { settle, byTestId, click } = await render();
    http.expectOne(URL).flush(survey);
    await settle();

    expect(byTestId('survey-resumed')).not.toBeNull();
    expect(byTestId('survey-progress')?.textContent).toContain('Side 2 af 2');

    await click('survey-send');
    http.expectOne(`${URL}/responses`).error(new ProgressEvent('error'));
    await settle();
    expect(byTestId('send-failure')?.textContent).toContain('Dine svar blev ikke sendt');
    expect(JSON.parse(localStorage.getItem(KEY) ?? '{}').draft.answers).toEqual({
      lives: 'no',
      happy: 2,
    });

    byTestId('send-failure')?.querySelector('button')?.click();
    await settle();
    http.expectOne('/api/auth/csrf').flush({});
    await settle();
    const again = http.expectOne(`${URL}/responses`);
    expect((again.request.body as SubmitSurveyResponseRequest).id).toBe('resp-1');
  });

  it('asks to wait when many answers come from one network, keeping the answers', async () => {
    localStorage.setItem(
      KEY,
      JSON.stringify({
        deviceKey: 'device-key-0123456789',
        draft: {
          responseId: 'resp-1',
          page: 1,
          answers: { lives: 'no' },
          consents: [],
          anotherPerson: false,
          personalKey: null,
        },
        submitted: null,
      }),
    );
    const { settle, byTestId, click } = await render();
    http.expectOne(URL).flush(survey);
    await settle();

    await click('survey-send');
    http.expectOne(`${URL}/responses`).flush(
      {
        statusCode: 429,
        error: 'Too Many Requests',
        message: 'Many answers',
        code: 'survey_rate_limited',
        params: { minutes: 5 },
        requestId: 'r',
      },
      { status: 429, statusText: 'Too Many Requests' },
    );
    await settle();

    expect(byTestId('send-failure')?.textContent).toContain('Prøv igen om 5 minutter.');
    expect(JSON.parse(localStorage.getItem(KEY) ?? '{}').draft.answers).toEqual({ lives: 'no' });
  });

  it('says "already answered" on this phone and lets someone else answer with a new response', async () => {
    localStorage.setItem(
      KEY,
      JSON.stringify({
        deviceKey: 'device-key-0123456789',
        draft: null,
        submitted: { at: '2027-02-01T10:00:00Z', responseId: 'resp-1', personalKey: null },
      }),
    );
    const { settle, byTestId, click } = await render();
    http.expectOne(URL).flush(survey);
    await settle();

    expect(byTestId('survey-already')?.textContent).toContain('Du har allerede svaret');
    await click('another-person');

    expect(byTestId('survey-progress')?.textContent).toContain('Side 1 af 2');
    const stored = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    expect(stored.draft.anotherPerson).toBe(true);
    expect(stored.draft.responseId).not.toBe('resp-1');
  });

  it('says plainly that a closed questionnaire takes no answers', async () => {
    const { settle, byTestId } = await render();
    http.expectOne(URL).flush(
      {
        statusCode: 410,
        error: 'Gone',
        message: 'Closed',
        code: 'survey_closed',
        requestId: 'r',
      },
      { status: 410, statusText: 'Gone' },
    );
    await settle();

    expect(byTestId('survey-unavailable')?.textContent).toContain('Spørgeskemaet er lukket');
  });
});
