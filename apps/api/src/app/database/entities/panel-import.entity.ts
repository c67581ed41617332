import type { PanelImportRowReport } from '@blup/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One CSV import into a village's panel: who attested to what, and what became of each row. */
@Entity('panel_imports')
export class PanelImport {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'village_id', type: 'uuid' })
  villageId: string;

  @Column({ name: 'created_by_id', type: 'uuid', nullable: true })
  createdById: string | null;

  @Column({ type: 'text' })
  attestation: string;

  @Column({ name: 'consent_text_version', type: 'varchar', length: 32 })
  consentTextVersion: string;

  @Column({ type: 'integer', default: 0 })
  added: number;

  @Column({ type: 'integer', default: 0 })
  merged: number;

  @Column({ type: 'integer', default: 0 })
  invalid: number;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  report: PanelImportRowReport[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
