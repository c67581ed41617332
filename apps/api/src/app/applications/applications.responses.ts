import { ApiProperty } from '@nestjs/swagger';
import {
  ApplicationStatus,
  FundingStatus,
  RequirementKey,
  RequirementProblem,
  RequirementState,
  type ApplicationAgreementDto,
  type ApplicationChecklist,
  type ApplicationDetailDto,
  type ApplicationFormOptionsDto,
  type ApplicationListResponse,
  type ApplicationPersonDto,
  type ApplicationReceiptDto,
  type ApplicationSummaryDto,
  type ApplicationVillageOptionDto,
  type RequirementCheck,
} from '@blup/contracts';

/** The answers of the application and info-meeting routes, as their services build them. */
export class RequirementCheckResponse implements RequirementCheck {
  @ApiProperty({ enum: RequirementKey, enumName: 'RequirementKey' }) key: RequirementKey;
  @ApiProperty({ enum: RequirementState, enumName: 'RequirementState' }) state: RequirementState;
  @ApiProperty({ enum: RequirementProblem, enumName: 'RequirementProblem', isArray: true })
  problems: RequirementProblem[];
}

export class ApplicationChecklistResponse implements ApplicationChecklist {
  @ApiProperty({ type: [RequirementCheckResponse] }) items: RequirementCheck[];
  @ApiProperty() allMet: boolean;
}

export class ApplicationReceiptResponse implements ApplicationReceiptDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ApplicationStatus, enumName: 'ApplicationStatus' })
  status: ApplicationStatus;
  @ApiProperty() offeringName: string;
  @ApiProperty() villageName: string;
  @ApiProperty() municipalityName: string;
  @ApiProperty() hasAgreement: boolean;
  @ApiProperty({ type: ApplicationChecklistResponse }) checklist: ApplicationChecklist;
  @ApiProperty({ description: 'Lets the applicant upload the agreement while undecided.' })
  uploadToken: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

class FormOfferingOption {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) startsOn: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) endsOn: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) capacity: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) placesLeft: number | null;
  @ApiProperty({ type: 'integer' }) priceDkk: number;
}

export class IdNameResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class ApplicationFormOptionsResponse implements ApplicationFormOptionsDto {
  @ApiProperty({ type: [FormOfferingOption] }) offerings: FormOfferingOption[];
  @ApiProperty({ type: [IdNameResponse] }) municipalities: IdNameResponse[];
}

export class ApplicationVillageOptionResponse implements ApplicationVillageOptionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Already placed in a cohort.' }) inCohort: boolean;
}

export class ApplicationPersonResponse implements ApplicationPersonDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
  @ApiProperty({ type: String, nullable: true }) position: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) userId: string | null;
}

export class ApplicationAgreementResponse implements ApplicationAgreementDto {
  @ApiProperty() name: string;
  @ApiProperty() mime: string;
  @ApiProperty({ type: 'integer' }) size: number;
  @ApiProperty({ description: 'Signed-in download.' }) url: string;
}

export class ApplicationSummaryResponse implements ApplicationSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ApplicationStatus, enumName: 'ApplicationStatus' })
  status: ApplicationStatus;
  @ApiProperty({ format: 'uuid' }) offeringId: string;
  @ApiProperty() offeringName: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) villageId: string | null;
  @ApiProperty() villageName: string;
  @ApiProperty() isNewVillage: boolean;
  @ApiProperty({ format: 'uuid' }) municipalityId: string;
  @ApiProperty() municipalityName: string;
  @ApiProperty() contactName: string;
  @ApiProperty({ enum: FundingStatus, enumName: 'FundingStatus' }) fundingStatus: FundingStatus;
  @ApiProperty({ type: 'integer' }) peopleCount: number;
  @ApiProperty({ type: ApplicationChecklistResponse }) checklist: ApplicationChecklist;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
}

export class ApplicationDetailResponse
  extends ApplicationSummaryResponse
  implements ApplicationDetailDto
{
  @ApiProperty() contactEmail: string;
  @ApiProperty({ type: () => ApplicationAgreementResponse, nullable: true })
  agreement: ApplicationAgreementDto | null;
  @ApiProperty() cooperationText: string;
  @ApiProperty({ type: () => IdNameResponse, nullable: true })
  cooperationConfirmedBy: IdNameResponse | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  cooperationConfirmedAt: string | null;
  @ApiProperty({ type: [ApplicationPersonResponse] }) people: ApplicationPersonDto[];
  @ApiProperty() applicantName: string;
  @ApiProperty() applicantEmail: string;
  @ApiProperty({ type: String, nullable: true }) overrideReason: string | null;
  @ApiProperty({ type: () => IdNameResponse, nullable: true }) decidedBy: IdNameResponse | null;
  @ApiProperty({ type: String, nullable: true }) decisionNote: string | null;
  @ApiProperty() canDecide: boolean;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

class ApplicationCountsResponse {
  @ApiProperty({ type: 'integer' }) submitted: number;
  @ApiProperty({ type: 'integer' }) approved: number;
  @ApiProperty({ type: 'integer' }) rejected: number;
  @ApiProperty({ type: 'integer' }) withdrawn: number;
}

export class ApplicationListResponseBody implements ApplicationListResponse {
  @ApiProperty({ type: [ApplicationSummaryResponse] }) items: ApplicationSummaryDto[];
  @ApiProperty({ type: 'integer' }) total: number;
  @ApiProperty({ type: 'integer' }) page: number;
  @ApiProperty({ type: 'integer' }) pageSize: number;
  @ApiProperty({ type: ApplicationCountsResponse, description: 'How many per status.' })
  counts: Record<ApplicationStatus, number>;
}

export class ApplicationWithdrawnResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ApplicationStatus, enumName: 'ApplicationStatus' })
  status: ApplicationStatus;
}
