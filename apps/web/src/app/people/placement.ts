import { FormControl, FormGroup, Validators } from '@angular/forms';
import { LearnerKind, Role, type InviteRequest, type UpdatePersonRequest } from '@blup/contracts';

/** Where a person belongs. Which of these apply depends on the role. */
export type PlacementForm = FormGroup<{
  role: FormControl<Role>;
  municipalityId: FormControl<string>;
  villageId: FormControl<string>;
  learnerKind: FormControl<LearnerKind | ''>;
  coordinationGroup: FormControl<boolean>;
  contactPerson: FormControl<boolean>;
}>;

type Field = Exclude<keyof PlacementForm['controls'], 'role'>;

/** The fields each role uses; the others are disabled, so they are neither validated nor sent. */
const FIELDS: Record<Role, Field[]> = {
  [Role.Secretariat]: [],
  [Role.Coordinator]: ['municipalityId', 'contactPerson'],
  [Role.Learner]: ['municipalityId', 'learnerKind'],
  [Role.SteeringMember]: ['villageId', 'coordinationGroup'],
};

const ALL_FIELDS: readonly Field[] = [
  'municipalityId',
  'villageId',
  'learnerKind',
  'coordinationGroup',
  'contactPerson',
];

export interface PlacementValue {
  role: Role;
  municipalityId?: string | null;
  villageId?: string | null;
  learnerKind?: LearnerKind | null;
  coordinationGroup?: boolean;
  contactPerson?: boolean;
}

export function placementForm(initial: PlacementValue): PlacementForm {
  const form: PlacementForm = new FormGroup({
    role: new FormControl(initial.role, { nonNullable: true, validators: Validators.required }),
    municipalityId: new FormControl(initial.municipalityId ?? '', {
      nonNullable: true,
      validators: Validators.required,
    }),
    villageId: new FormControl(initial.villageId ?? '', {
      nonNullable: true,
      validators: Validators.required,
    }),
    learnerKind: new FormControl<LearnerKind | ''>(initial.learnerKind ?? '', {
      nonNullable: true,
      validators: Validators.required,
    }),
    coordinationGroup: new FormControl(initial.coordinationGroup ?? false, { nonNullable: true }),
    contactPerson: new FormControl(initial.contactPerson ?? false, { nonNullable: true }),
  });
  applyRole(form);
  return form;
}

/** Enables exactly the fields the chosen role uses. */
export function applyRole(form: PlacementForm): void {
  for (const field of ALL_FIELDS) {
    const control = form.controls[field];
    if (uses(form, field)) control.enable({ emitEvent: false });
    else control.disable({ emitEvent: false });
  }
}

export function uses(form: PlacementForm, field: Field): boolean {
  return roleUses(form.controls.role.value, field);
}

export function roleUses(role: Role | null, field: Field): boolean {
  return !!role && (FIELDS[role]?.includes(field) ?? false);
}

/** For an invitation: only what the role uses. */
export function placementForInvite(
  form: PlacementForm,
): Pick<
  InviteRequest,
  'role' | 'municipalityId' | 'villageId' | 'learnerKind' | 'coordinationGroup'
> {
  const value = form.getRawValue();
  return {
    role: value.role,
    ...(uses(form, 'municipalityId') && { municipalityId: value.municipalityId }),
    ...(uses(form, 'villageId') && {
      villageId: value.villageId,
      coordinationGroup: value.coordinationGroup,
    }),
    ...(uses(form, 'learnerKind') && value.learnerKind && { learnerKind: value.learnerKind }),
  };
}

/** For an update: what the role does not use is cleared. */
export function placementForUpdate(form: PlacementForm): UpdatePersonRequest {
  const value = form.getRawValue();
  return {
    role: value.role,
    municipalityId: uses(form, 'municipalityId') ? value.municipalityId : null,
    villageId: uses(form, 'villageId') ? value.villageId : null,
    learnerKind: uses(form, 'learnerKind') && value.learnerKind ? value.learnerKind : null,
    coordinationGroup: uses(form, 'coordinationGroup') && value.coordinationGroup,
    contactPerson: uses(form, 'contactPerson') && value.contactPerson,
  };
}
