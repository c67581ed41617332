import type { ApplicationStatus, FundingStatus } from '@blup/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/** A village's application for a full BLUP process in a cohort offering (issue 6). */
@Entity('applications')
export class Application {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'offering_id', type: 'uuid' })
  offeringId: string;

  /** The existing village, or (for a new one) set on approval. */
  @Column({ name: 'village_id', type: 'uuid', nullable: true })
  villageId: string | null;

  @Column({ name: 'village_name', type: 'varchar', length: 120 })
  villageName: string;

  @Column({ name: 'new_village', type: 'boolean' })
  newVillage: boolean;

  @Column({ name: 'municipality_id', type: 'uuid' })
  municipalityId: string;

  @Column({ name: 'contact_name', type: 'varchar', length: 120 })
  contactName: string;

  @Column({ name: 'contact_email', type: 'varchar', length: 254 })
  contactEmail: string;

  @Column({ name: 'funding_status', type: 'varchar', length: 16 })
  fundingStatus: FundingStatus;

  /** Its key in the file store (FileStore). */
  @Column({ name: 'agreement_key', type: 'varchar', length: 200, nullable: true })
  agreementKey: string | null;

  @Column({ name: 'agreement_name', type: 'varchar', length: 200, nullable: true })
  agreementName: string | null;

  @Column({ name: 'agreement_mime', type: 'varchar', length: 120, nullable: true })
  agreementMime: string | null;

  @Column({ name: 'agreement_size', type: 'integer', nullable: true })
  agreementSize: number | null;

  @Column({ name: 'cooperation_text', type: 'text', default: '' })
  cooperationText: string;

  @Column({ name: 'cooperation_confirmed_by_id', type: 'uuid', nullable: true })
  cooperationConfirmedById: string | null;

  @Column({ name: 'cooperation_confirmed_at', type: 'timestamptz', nullable: true })
  cooperationConfirmedAt: Date | null;

  @Column({ type: 'varchar', length: 16, default: 'submitted' })
  status: ApplicationStatus;

  @Column({ name: 'override_reason', type: 'text', nullable: true })
  overrideReason: string | null;

  @Column({ name: 'decided_by_id', type: 'uuid', nullable: true })
  decidedById: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decision_note', type: 'text', nullable: true })
  decisionNote: string | null;

  @Column({ name: 'applicant_name', type: 'varchar', length: 120 })
  applicantName: string;

  @Column({ name: 'applicant_email', type: 'varchar', length: 254 })
  applicantEmail: string;

  @Column({ name: 'applicant_user_id', type: 'uuid', nullable: true })
  applicantUserId: string | null;

  /** SHA-256 of the token that lets the applicant upload the agreement afterwards. */
  @Column({ name: 'upload_token_hash', type: 'varchar', length: 128, nullable: true })
  uploadTokenHash: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
