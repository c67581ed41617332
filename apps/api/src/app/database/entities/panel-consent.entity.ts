import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type PanelConsentAction =
  'requested' | 'confirmed' | 'imported' | 'unsubscribed' | 'resubscribed' | 'preferences';

/** The consent log: one row per step a subscriber (or their importer) took. Never updated. */
@Entity('panel_consents')
export class PanelConsent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'subscriber_id', type: 'uuid' })
  subscriberId: string;

  @Column({ type: 'varchar', length: 16 })
  action: PanelConsentAction;

  @Column({ name: 'consent_text_version', type: 'varchar', length: 32 })
  consentTextVersion: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  /** The importer, for imported consent. */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;
}
