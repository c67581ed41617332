import { FormControl, FormGroup, Validators } from '@angular/forms';
import {
  GATHERING_LIMITS,
  GatheringAudience,
  type GatheringDto,
  GatheringKind,
  GatheringMode,
  type GatheringQuestion,
  type Phase,
  type SaveGatheringRequest,
} from '@blup/contracts';
import { standardQuestions } from './answers';

const L = GATHERING_LIMITS;
const text = (max: number, required = false) =>
  new FormControl('', {
    nonNullable: true,
    validators: required
      ? [Validators.required, Validators.maxLength(max)]
      : [Validators.maxLength(max)],
  });

export function gatheringForm() {
  return new FormGroup({
    kind: new FormControl(GatheringKind.FutureWorkshop, { nonNullable: true }),
    title: text(L.title, true),
    description: text(L.description),
    startsAt: text(20, true),
    endsAt: text(20, true),
    mode: new FormControl(GatheringMode.InPerson, { nonNullable: true }),
    address: text(L.address),
    url: text(L.url),
    phase: new FormControl<Phase | ''>('', { nonNullable: true }),
    audience: new FormControl(GatheringAudience.VillagePanel, { nonNullable: true }),
    villageId: text(40),
    cohortId: text(40),
    municipalityId: text(40),
    capacity: new FormControl(40, {
      nonNullable: true,
      validators: [
        Validators.required,
        Validators.min(L.minCapacity),
        Validators.max(L.maxCapacity),
      ],
    }),
    askCount: new FormControl(true, { nonNullable: true }),
    askDiet: new FormControl(true, { nonNullable: true }),
  });
}

export type GatheringForm = ReturnType<typeof gatheringForm>;

/** `2027-03-06T10:00` in the device's time, as `<input type="datetime-local">` shows it. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The local input's value as an ISO instant; null when empty or unreadable. */
export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** Which place field the audience needs. */
export function placeFieldOf(
  audience: GatheringAudience,
): 'villageId' | 'cohortId' | 'municipalityId' | null {
  switch (audience) {
    case GatheringAudience.SteeringGroup:
    case GatheringAudience.VillagePanel:
      return 'villageId';
    case GatheringAudience.Cohort:
      return 'cohortId';
    case GatheringAudience.MunicipalityAcademy:
      return 'municipalityId';
    default:
      return null;
  }
}

const STANDARD_IDS = ['antal', 'kost'];

export function fillGatheringForm(form: GatheringForm, g: GatheringDto): void {
  form.reset({
    kind: g.kind,
    title: g.title,
    description: g.description,
    startsAt: toLocalInput(g.startsAt),
    endsAt: toLocalInput(g.endsAt),
    mode: g.mode,
    address: g.address ?? '',
    url: g.url ?? '',
    phase: g.phase ?? '',
    audience: g.audience,
    villageId: g.villageId ?? '',
    cohortId: g.cohortId ?? '',
    municipalityId: g.municipalityId ?? '',
    capacity: g.capacity,
    askCount: g.questions.some((q) => q.id === 'antal'),
    askDiet: g.questions.some((q) => q.id === 'kost'),
  });
}

/**
 * The request from the form: only the place field its audience needs, the address and link its
 * mode needs, the two standard questions as ticked, and the gathering's other questions kept.
 */
export function gatheringRequest(
  form: GatheringForm,
  existingQuestions: readonly GatheringQuestion[],
  labels: { count: string; diet: string },
): SaveGatheringRequest {
  const v = form.getRawValue();
  const place = placeFieldOf(v.audience);
  const kept = existingQuestions.filter((q) => !STANDARD_IDS.includes(q.id));
  const standard = standardQuestions(v.askCount, v.askDiet, labels).map(
    (q) => existingQuestions.find((e) => e.id === q.id) ?? q,
  );
  return {
    kind: v.kind,
    title: v.title.trim(),
    description: v.description.trim(),
    mode: v.mode,
    address: v.mode !== GatheringMode.Online ? v.address.trim() || null : null,
    url: v.mode !== GatheringMode.InPerson ? v.url.trim() || null : null,
    phase: v.phase || null,
    audience: v.audience,
    villageId: place === 'villageId' ? v.villageId || null : null,
    cohortId: place === 'cohortId' ? v.cohortId || null : null,
    municipalityId: place === 'municipalityId' ? v.municipalityId || null : null,
    startsAt: fromLocalInput(v.startsAt) ?? v.startsAt,
    endsAt: fromLocalInput(v.endsAt) ?? v.endsAt,
    capacity: Number(v.capacity),
    questions: [...standard, ...kept],
  };
}
