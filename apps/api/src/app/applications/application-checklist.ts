import { applicationChecklist, type ApplicationChecklist } from '@blup/contracts';
import type { Application, ApplicationPerson } from '../database/entities/applications';

/** The checklist of a stored application (the pure rule lives in the contracts, shared with the web). */
export function checklistOf(
  application: Pick<
    Application,
    | 'contactName'
    | 'contactEmail'
    | 'fundingStatus'
    | 'agreementKey'
    | 'cooperationText'
    | 'cooperationConfirmedAt'
  >,
  people: readonly Pick<ApplicationPerson, 'name' | 'email'>[],
): ApplicationChecklist {
  return applicationChecklist({
    contactName: application.contactName,
    contactEmail: application.contactEmail,
    fundingStatus: application.fundingStatus,
    hasAgreement: application.agreementKey !== null,
    people,
    cooperationText: application.cooperationText,
    cooperationConfirmed: application.cooperationConfirmedAt !== null,
  });
}

/** The keys of the requirements not met, for `requirements_not_met`. */
export function unmetRequirements(checklist: ApplicationChecklist): string[] {
  return checklist.items.filter((i) => i.state !== 'met').map((i) => i.key);
}
