import { randomUUID } from 'node:crypto';
import {
  QuestionKind,
  Role,
  SurveyStatus,
  type SurveyDto,
  type SurveyResponseReceiptDto,
} from '@blup/contracts';
import { expectAccessible } from './support/axe';
import { expect, test } from './support/fixtures';
import { signInThroughApi } from './support/ui';
import { uniqueSuffix } from './support/unique';

test.describe('Survey results', () => {
  test('a steering member watches an answer arrive in the chart without reloading @phone', async ({
    page,
    demo,
    api,
  }) => {
    test.setTimeout(25_000);
    const member = await signInThroughApi(page, demo[Role.SteeringMember]);
    const writer = await api.as(demo[Role.SteeringMember]);
    const title = `Trafik i landsbyen ${uniqueSuffix()}`;
    const draft = await writer.post<SurveyDto>(`/api/villages/${member.villageId}/surveys`, {
      title,
    });
    const withQuestion = await writer.patch<SurveyDto>(`/api/surveys/${draft.id}`, {
      version: draft.version,
      pages: [
        {
          id: 'p1',
          title: 'Trafik',
          questions: [
            {
              id: 'transport',
              kind: QuestionKind.SingleChoice,
              title: 'Hvordan kommer du til arbejde?',
              help: '',
              required: true,
              options: [
                { id: 'bus', label: 'Bus' },
                { id: 'bike', label: 'Cykel' },
              ],
              rows: [],
              maxChoices: null,
              maxLength: null,
              scaleLabels: null,
              condition: null,
              personalData: false,
              consentText: null,
              published: false,
            },
          ],
        },
      ],
    });
    const open = await writer.put<SurveyDto>(`/api/surveys/${draft.id}/status`, {
      version: withQuestion.version,
      status: SurveyStatus.Open,
    });

    await page.goto(`/villages/${member.villageId}/surveys`);
    await page.getByRole('listitem').filter({ hasText: title }).getByTestId('results-link').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Resultater' })).toBeVisible();
    await expect(page.getByTestId('response-count')).toHaveText('0 svar');
    const bike = page.getByTestId('bar-bike');
    await expect(bike.getByTestId('bar-count')).toHaveText('0 (0 %)');
    await expectAccessible(page, { label: 'the survey results' });

    // Someone answers through the public link, from their own phone.
    const respondent = await api.anonymous();
    await respondent.post<SurveyResponseReceiptDto>(
      `/api/public/surveys/${open.publicToken}/responses`,
      { id: randomUUID(), deviceKey: randomUUID(), answers: { transport: 'bike' } },
    );

    await expect(page.getByTestId('response-count')).toHaveText('1 svar', { timeout: 8_000 });
    await expect(bike.getByTestId('bar-count')).toHaveText('1 (100 %)');
    await expect(page.getByTestId('bar-bus').getByTestId('bar-count')).toHaveText('0 (0 %)');
    await expect(page.getByTestId('updated-at')).toContainText(/Opdateret kl\. \d\d:\d\d:\d\d/);
  });
});
