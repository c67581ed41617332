import {
  QuestionKind,
  Role,
  type SurveyDto,
  type SurveyPageDto,
  type SurveyQuestionDto,
  type SurveyResultsDto,
  SurveyStatus,
} from '@blup/contracts';
import type { ApiClient } from './support/api';
import { expectAccessible } from './support/axe';
import { expect, test } from './support/fixtures';
import { uniqueSuffix } from './support/unique';

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

const PAGES: SurveyPageDto[] = [
  {
    id: 'om-dig',
    title: 'Om dig',
    questions: [
      {
        ...base,
        id: 'bor',
        kind: QuestionKind.SingleChoice,
        title: 'Bor du i Glumsø?',
        required: true,
        options: [
          { id: 'ja', label: 'Ja' },
          { id: 'nej', label: 'Nej' },
        ],
      },
      {
        ...base,
        id: 'gade',
        kind: QuestionKind.ShortText,
        title: 'Hvilken gade bor du på?',
        condition: { questionId: 'bor', optionIds: ['ja'] },
      },
    ],
  },
  {
    id: 'oensker',
    title: 'Dine ønsker',
    questions: [
      {
        ...base,
        id: 'savner',
        kind: QuestionKind.MultipleChoice,
        title: 'Hvad savner du mest?',
        maxChoices: 2,
        options: [
          { id: 'hal', label: 'Et samlingssted' },
          { id: 'bus', label: 'Flere busser' },
          { id: 'butik', label: 'En købmand' },
        ],
      },
      {
        ...base,
        id: 'trivsel',
        kind: QuestionKind.Scale,
        title: 'Hvor godt trives du i byen?',
        required: true,
        scaleLabels: { low: 'Slet ikke', high: 'Rigtig godt' },
      },
    ],
  },
  {
    id: 'sidst',
    title: 'Til sidst',
    questions: [
      {
        ...base,
        id: 'vigtigst',
        kind: QuestionKind.Ranking,
        title: 'Hvad er vigtigst?',
        options: [
          { id: 'natur', label: 'Naturen' },
          { id: 'faellesskab', label: 'Fællesskabet' },
        ],
      },
      {
        ...base,
        id: 'mail',
        kind: QuestionKind.ShortText,
        title: 'Din mail, hvis du vil hjælpe',
        personalData: true,
        consentText: 'Styregruppen bruger din mail til at invitere dig til fremtidsværkstedet.',
      },
    ],
  },
];

/** An open survey of the steering member's village, written through the API. */
async function openSurvey(member: ApiClient): Promise<SurveyDto> {
  const villageId = member.user?.villageId;
  if (!villageId) throw new Error('The steering member has no village');
  const draft = await member.post<SurveyDto>(`/api/villages/${villageId}/surveys`, {
    title: `Glumsø i fremtiden ${uniqueSuffix()}`,
  });
  const written = await member.patch<SurveyDto>(`/api/surveys/${draft.id}`, {
    version: draft.version,
    intro: 'Hjælp styregruppen med at lægge planer for byen.',
    pages: PAGES,
  });
  return member.put<SurveyDto>(`/api/surveys/${draft.id}/status`, {
    version: written.version,
    status: SurveyStatus.Open,
  });
}

test.describe('Answering a questionnaire', () => {
  test('a villager answers on a phone without an account, comes back half-way and sends @phone', async ({
    page,
    api,
    demo,
  }) => {
    const member = await api.as(demo[Role.SteeringMember]);
    const survey = await openSurvey(member);
    const address = `/spoergeskema/${survey.publicToken}`;
    const next = page.getByRole('button', { name: 'Næste' });
    const progress = page.getByTestId('survey-progress');

    // A fresh browser: no session, nothing stored.
    await page.goto(address);
    await expect(page.getByRole('heading', { level: 1, name: survey.title })).toBeVisible();
    await expect(progress).toHaveText('Side 1 af 3');
    await expect(page.getByText('Hvilken gade bor du på?')).toBeHidden();

    // A required question left open says so beside it.
    await next.click();
    await expect(page.getByTestId('problem-bor')).toHaveText(
      'Svar på dette spørgsmål, før du går videre.',
    );
    await expect(page.getByRole('radio', { name: 'Ja' })).toBeFocused();
    await page.getByRole('radio', { name: 'Ja' }).check();
    await page.getByLabel('Hvilken gade bor du på?').fill('Møllevej');
    await next.click();

    await expect(progress).toHaveText('Side 2 af 3');
    await expect(page.getByRole('heading', { level: 2, name: 'Dine ønsker' })).toBeFocused();
    await page.getByRole('checkbox', { name: 'Et samlingssted' }).check();
    await page.getByRole('checkbox', { name: 'Flere busser' }).check();
    // "At most 2": the third tick is taken back, and the reason said.
    await page.getByRole('checkbox', { name: 'En købmand' }).click();
    await expect(page.getByRole('checkbox', { name: 'En købmand' })).not.toBeChecked();
    await expect(page.getByTestId('limit-savner')).toContainText('Du kan højst vælge 2');
    await page.getByRole('radio', { name: '4' }).check();

    // Closing the page and opening the link again goes on where it stopped.
    await page.reload();
    await expect(progress).toHaveText('Side 2 af 3');
    await expect(page.getByTestId('survey-resumed')).toBeVisible();
    await expect(page.getByRole('checkbox', { name: 'Flere busser' })).toBeChecked();
    await expect(page.getByRole('radio', { name: '4' })).toBeChecked();
    await expectAccessible(page, { label: 'the resumed second page' });
    await next.click();

    await expect(progress).toHaveText('Side 3 af 3');
    await page.getByRole('button', { name: 'Flyt op: Fællesskabet' }).click();
    await expect(page.getByRole('button', { name: 'Flyt op: Fællesskabet' })).toBeFocused();
    await page.getByLabel('Din mail, hvis du vil hjælpe').fill('karen@e2e.blup.test');
    await expect(page.getByText('Uden flueben bliver dit svar')).toBeVisible();
    await page.getByRole('checkbox', { name: /Ja, I må bruge mit svar/ }).check();
    await expectAccessible(page, { label: 'the last page with a consent text' });
    await page.getByRole('button', { name: 'Send svar' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Tak for dine svar!' })).toBeVisible();

    const results = await member.get<SurveyResultsDto>(`/api/surveys/${survey.id}/results`);
    expect(results.responses).toBe(1);
    const ranking = results.questions.find((q) => q.questionId === 'vigtigst');
    expect(ranking?.ranking[0]).toEqual(expect.objectContaining({ optionId: 'faellesskab' }));

    // Back on the link later: answered from this phone.
    await page.reload();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Du har allerede svaret' }),
    ).toBeVisible();
  });
});
