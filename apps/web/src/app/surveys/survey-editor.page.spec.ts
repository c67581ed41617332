import {
  ErrorCode,
  QuestionKind,
  SurveyOwnerKind,
  SurveyPurpose,
  SurveyStatus,
  type SurveyDto,
} from '@blup/contracts';
import { CONFLICT, changedBody, openPage } from '../shared/form-page-test';
import { SurveyEditorPage } from './survey-editor.page';
import { blankQuestion } from './survey-model';

const survey = (version: number, responseCount: number): SurveyDto => ({
  id: 's1',
  ownerKind: SurveyOwnerKind.Village,
  villageId: 'v1',
  villageName: 'Glumsø og Omegn',
  municipalityId: null,
  municipalityName: null,
  purpose: SurveyPurpose.Mapping,
  title: 'Landsbyens spørgeskema',
  intro: '',
  status: SurveyStatus.Open,
  opensAt: null,
  closesAt: null,
  anonymousLink: true,
  publicToken: 'tok',
  publicPath: '/svar/tok',
  pages: [
    {
      id: 'p1',
      title: 'Om dig',
      questions: [
        {
          ...blankQuestion(QuestionKind.SingleChoice, 'q1'),
          title: 'Bor du her?',
          options: [
            { id: 'ja', label: 'Ja' },
            { id: 'nej', label: 'Nej' },
          ],
        },
        { ...blankQuestion(QuestionKind.LongText, 'q2'), title: 'Hvad mangler?' },
      ],
    },
  ],
  copiedFromId: null,
  responseCount,
  version,
  updatedAt: '2026-12-01T10:00:00Z',
  updatedBy: null,
  canEdit: true,
});

describe(SurveyEditorPage.name, () => {
  it('saves the reordered questionnaire with its version, and says plainly when answers forbid a removal', async () => {
    const { fixture, http, element, byTestId, settle } = await openPage(
      SurveyEditorPage,
      'surveyAdmin',
      { id: 's1' },
    );
    fixture.detectChanges();
    http.expectOne('/api/surveys/s1').flush(survey(3, 2));
    await settle();

    expect(byTestId('has-answers')?.textContent).toContain('2 svar');
    const remove = element.querySelector<HTMLButtonElement>(
      'button[aria-label="Fjern »Bor du her?«"]',
    );
    expect(remove?.disabled).toBe(true);

    element
      .querySelector<HTMLButtonElement>('button[aria-label="Flyt »Hvad mangler?« op"]')
      ?.click();
    await settle();
    (byTestId('save-survey') as HTMLButtonElement).click();
    const save = http.expectOne({ method: 'PATCH', url: '/api/surveys/s1' });
    expect(save.request.body.version).toBe(3);
    expect(save.request.body.pages[0].questions.map((q: { id: string }) => q.id)).toEqual([
      'q2',
      'q1',
    ]);
    save.flush(
      {
        statusCode: 409,
        error: 'Conflict',
        code: 'survey_has_answers',
        message: 'Answers exist',
        params: { question: 'q1' },
        requestId: 'r1',
      },
      CONFLICT,
    );
    await settle();
    expect(byTestId('has-answers-conflict')?.textContent).toContain(
      'spørgsmål og svarmuligheder kan ikke fjernes',
    );

    (byTestId('load-their-version') as HTMLButtonElement).click();
    fixture.detectChanges();
    http.expectOne('/api/surveys/s1').flush(survey(4, 2));
    await settle();
    expect(byTestId('has-answers-conflict')).toBeNull();
    expect(
      [...element.querySelectorAll('[data-testid="question"] strong')].map((e) => e.textContent),
    ).toEqual(['Bor du her?', 'Hvad mangler?']);
    http.verify();
  });

  it('names who saved in between after a 409 survey_changed, and loads their version', async () => {
    const { fixture, http, byTestId, settle } = await openPage(SurveyEditorPage, 'surveyAdmin', {
      id: 's1',
    });
    fixture.detectChanges();
    http.expectOne('/api/surveys/s1').flush(survey(3, 0));
    await settle();
    const title = byTestId('survey-title') as HTMLInputElement;
    title.value = 'Nyt navn';
    title.dispatchEvent(new Event('input'));
    await settle();
    (byTestId('save-survey') as HTMLButtonElement).click();
    http
      .expectOne({ method: 'PATCH', url: '/api/surveys/s1' })
      .flush(changedBody(ErrorCode.SurveyChanged, 'Changed', 'Anna Holm', 4), CONFLICT);
    await settle();
    expect(fixture.nativeElement.textContent).toContain('Anna Holm har ændret spørgeskemaet');
    (byTestId('load-their-version') as HTMLButtonElement).click();
    fixture.detectChanges();
    http.expectOne('/api/surveys/s1').flush({ ...survey(4, 0), title: 'Deres navn' });
    await settle();
    expect((byTestId('survey-title') as HTMLInputElement).value).toBe('Deres navn');
    expect(byTestId('load-their-version')).toBeNull();
  });

  it('tells a reader (the coordinator) nothing about what they could change', async () => {
    const { fixture, http, byTestId, settle } = await openPage(SurveyEditorPage, 'surveyAdmin', {
      id: 's1',
    });
    fixture.detectChanges();
    http.expectOne('/api/surveys/s1').flush({ ...survey(3, 2), canEdit: false });
    await settle();
    expect(byTestId('has-answers')).toBeNull();
    expect(byTestId('save-survey')).toBeNull();
  });
});
