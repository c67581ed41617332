import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Every provider webhook event received, by its id: a replay is recognised and skipped. */
@Entity('video_events')
export class VideoEvent {
  @PrimaryColumn({ type: 'varchar', length: 128 })
  id: string;

  @Column({ type: 'varchar', length: 64 })
  type: string;

  /** When the provider says the event happened. */
  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' })
  receivedAt: Date;

  @Column({ name: 'processed_at', type: 'timestamptz', nullable: true })
  processedAt: Date | null;

  @Column({ type: 'jsonb' })
  payload: unknown;
}
