import {
  GatheringAudience,
  type GatheringDto,
  GatheringMode,
  type GatheringQuestion,
  GatheringQuestionKind,
} from '@blup/contracts';
import {
  fillGatheringForm,
  fromLocalInput,
  gatheringForm,
  gatheringRequest,
  placeFieldOf,
  toLocalInput,
} from './gathering-form';

const labels = { count: 'Hvor mange kommer I?', diet: 'Mad og allergi' };

describe('gathering form', () => {
  it('round-trips a time through the datetime-local field', () => {
    const iso = '2027-03-06T09:00:00.000Z';
    expect(fromLocalInput(toLocalInput(iso))).toBe(iso);
    expect(fromLocalInput('')).toBeNull();
    expect(toLocalInput('nonsense')).toBe('');
  });

  it('asks for the place the audience needs', () => {
    expect(placeFieldOf(GatheringAudience.VillagePanel)).toBe('villageId');
    expect(placeFieldOf(GatheringAudience.SteeringGroup)).toBe('villageId');
    expect(placeFieldOf(GatheringAudience.Cohort)).toBe('cohortId');
    expect(placeFieldOf(GatheringAudience.MunicipalityAcademy)).toBe('municipalityId');
    expect(placeFieldOf(GatheringAudience.Anyone)).toBeNull();
  });

  it('sends only the fields the mode and audience use', () => {
    const sut = gatheringForm();
    sut.patchValue({
      title: ' Fremtidsværksted ',
      startsAt: '2027-03-06T10:00',
      endsAt: '2027-03-06T15:00',
      mode: GatheringMode.Online,
      address: 'Hallen',
      url: 'https://meet.example/x',
      audience: GatheringAudience.Cohort,
      villageId: 'v1',
      cohortId: 'c1',
      askDiet: false,
    });

    const body = gatheringRequest(sut, [], labels);

    expect(body).toMatchObject({
      title: 'Fremtidsværksted',
      address: null,
      url: 'https://meet.example/x',
      villageId: null,
      cohortId: 'c1',
      municipalityId: null,
      phase: null,
    });
    expect(body.questions?.map((q) => q.id)).toEqual(['antal']);
    expect(new Date(body.startsAt).getTime()).toBeLessThan(new Date(body.endsAt).getTime());
  });

  it('keeps the gathering’s own questions and the standard ones’ wording when editing', () => {
    const own: GatheringQuestion = {
      id: 'dag',
      kind: GatheringQuestionKind.Choice,
      label: 'Hvilken dag?',
      required: true,
      options: ['Lørdag'],
    };
    const count: GatheringQuestion = {
      id: 'antal',
      kind: GatheringQuestionKind.Number,
      label: 'Hvor mange kommer I med?',
      required: true,
      countsPeople: true,
    };
    const sut = gatheringForm();
    fillGatheringForm(sut, {
      kind: 'future_workshop',
      title: 'X',
      description: '',
      mode: GatheringMode.InPerson,
      address: 'Hallen',
      url: null,
      phase: null,
      audience: GatheringAudience.Anyone,
      villageId: null,
      cohortId: null,
      municipalityId: null,
      startsAt: '2027-03-06T09:00:00.000Z',
      endsAt: '2027-03-06T14:00:00.000Z',
      capacity: 50,
      questions: [count, own],
    } as GatheringDto);

    expect(sut.controls.askCount.value).toBe(true);
    expect(sut.controls.askDiet.value).toBe(false);
    const body = gatheringRequest(sut, [count, own], labels);
    expect(body.questions).toEqual([count, own]);
    expect(body.address).toBe('Hallen');
    expect(body.capacity).toBe(50);
  });
});
