import { QuestionKind, type QuestionResultDto } from '@blup/contracts';
import {
  choiceRows,
  clockTime,
  formatMean,
  matrixTable,
  percent,
  rankingRows,
  scaleRows,
} from './survey-results';
import { blankQuestion } from './survey-model';
import { comparisonLines } from './survey-comparison.page';
import { publicQuestion } from './public-survey-results';

function result(patch: Partial<QuestionResultDto>): QuestionResultDto {
  return {
    questionId: 'q',
    kind: QuestionKind.SingleChoice,
    answered: 0,
    options: [],
    rows: [],
    scale: [],
    mean: null,
    ranking: [],
    ...patch,
  };
}

const options = [
  { id: 'a', label: 'Bus' },
  { id: 'b', label: 'Cykel' },
  { id: 'c', label: 'Bil' },
];

describe('survey results', () => {
  it('rounds percentages and gives 0 when nobody answered', () => {
    expect(percent(1, 3)).toBe(33);
    expect(percent(2, 3)).toBe(67);
    expect(percent(0, 0)).toBe(0);
    expect(percent(5, 0)).toBe(0);
  });

  it('makes a bar per option in the question order, missing counts as 0', () => {
    expect(
      choiceRows(
        options,
        [
          { optionId: 'c', count: 3 },
          { optionId: 'a', count: 1 },
        ],
        4,
      ),
    ).toEqual([
      { id: 'a', label: 'Bus', count: 1, percent: 25 },
      { id: 'b', label: 'Cykel', count: 0, percent: 0 },
      { id: 'c', label: 'Bil', count: 3, percent: 75 },
    ]);
  });

  it('counts a multiple choice answer once per option: percents of those who answered', () => {
    const rows = choiceRows(
      options,
      [
        { optionId: 'a', count: 2 },
        { optionId: 'b', count: 2 },
      ],
      2,
    );
    expect(rows.map((r) => r.percent)).toEqual([100, 100, 0]);
  });

  it('shows a scale as five bars with the end words', () => {
    const q = {
      ...blankQuestion(QuestionKind.Scale, 'q'),
      scaleLabels: { low: 'Uenig', high: 'Enig' },
    };
    const rows = scaleRows(
      q,
      result({
        answered: 4,
        scale: [
          { value: 5, count: 3 },
          { value: 1, count: 1 },
        ],
      }),
    );
    expect(rows.map((r) => [r.label, r.count, r.percent])).toEqual([
      ['1 – Uenig', 1, 25],
      ['2', 0, 0],
      ['3', 0, 0],
      ['4', 0, 0],
      ['5 – Enig', 3, 75],
    ]);
  });

  it('orders a ranking by mean position, best first', () => {
    const rows = rankingRows(
      options,
      result({
        ranking: [
          { optionId: 'a', meanPosition: 2.5, firstPlaces: 0 },
          { optionId: 'c', meanPosition: 1.2, firstPlaces: 4 },
        ],
      }),
    );
    expect(rows.map((r) => r.label)).toEqual(['Bil', 'Bus']);
  });

  it('lays a matrix out as rows × options', () => {
    const q = {
      ...blankQuestion(QuestionKind.Matrix, 'q'),
      options: options.slice(0, 2),
      rows: [
        { id: 'r1', label: 'Hallen' },
        { id: 'r2', label: 'Skolen' },
      ],
    };
    const table = matrixTable(
      q,
      result({ rows: [{ rowId: 'r2', options: [{ optionId: 'b', count: 2 }] }] }),
    );
    expect(table.rows).toEqual([
      { id: 'r1', label: 'Hallen', counts: [0, 0] },
      { id: 'r2', label: 'Skolen', counts: [0, 2] },
    ]);
  });

  it('writes a mean the Danish way, and the clock time', () => {
    expect(formatMean(3.456, 'da')).toBe('3,5');
    expect(formatMean(3.456, 'en')).toBe('3.5');
    expect(formatMean(null, 'da')).toBe('–');
    expect(clockTime(new Date(2026, 0, 1, 9, 5, 7))).toBe('09:05:07');
  });
});

describe('comparisonLines', () => {
  it('gives each copy its percent of those who answered there, null where it was dropped', () => {
    const lines = comparisonLines(
      {
        questionId: 'q',
        title: 'Hvad mangler I?',
        kind: QuestionKind.SingleChoice,
        options: options.slice(0, 2),
        results: [
          result({ answered: 4, options: [{ optionId: 'a', count: 1 }] }),
          null,
          result({ answered: 0 }),
        ],
      },
      'da',
    );
    expect(lines).toEqual([
      {
        id: 'a',
        label: 'Bus',
        cells: [{ text: '25 %', percent: 25 }, null, { text: '0 %', percent: 0 }],
      },
      {
        id: 'b',
        label: 'Cykel',
        cells: [{ text: '0 %', percent: 0 }, null, { text: '0 %', percent: 0 }],
      },
    ]);
  });

  it('shows a ranking as mean places and a matrix per row and option, with the rows’ words', () => {
    const ranking = comparisonLines(
      {
        questionId: 'r',
        title: 'Rækkefølge',
        kind: QuestionKind.Ranking,
        options: options.slice(0, 1),
        results: [result({ ranking: [{ optionId: 'a', meanPosition: 1.25, firstPlaces: 3 }] })],
      },
      'da',
    );
    expect(ranking[0].cells).toEqual([{ text: '1,3', percent: null }]);
    const matrix = comparisonLines(
      {
        questionId: 'm',
        title: 'Tilfreds?',
        kind: QuestionKind.Matrix,
        options: options.slice(0, 2),
        results: [
          result({ answered: 2, rows: [{ rowId: 'r1', options: [{ optionId: 'b', count: 1 }] }] }),
        ],
      },
      'da',
      [{ id: 'r1', label: 'Hallen' }],
    );
    expect(matrix.map((l) => [l.label, l.cells[0]?.text])).toEqual([
      ['Hallen: Bus', '0 %'],
      ['Hallen: Cykel', '50 %'],
    ]);
  });
});

describe('publicQuestion', () => {
  it('draws a published choice as bars and a scale with its mean', () => {
    const single = {
      ...blankQuestion(QuestionKind.SingleChoice, 'q'),
      title: 'Bor du her?',
      options,
    };
    const drawn = publicQuestion(
      single,
      result({ answered: 2, options: [{ optionId: 'b', count: 2 }] }),
      'da',
    );
    expect(drawn.bars.map((b) => b.percent)).toEqual([0, 100, 0]);
    expect(drawn.mean).toBeNull();
    const scale = blankQuestion(QuestionKind.Scale, 's');
    expect(
      publicQuestion(scale, result({ answered: 1, mean: 4, scale: [{ value: 4, count: 1 }] }), 'da')
        .mean,
    ).toBe('4,0');
  });
});
