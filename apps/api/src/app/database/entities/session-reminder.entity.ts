import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One reminder mail sent: for this person, this session, at this start time. The row is written
 * in the same step that queues the mail, so a retried or duplicated job sends nothing twice; a
 * moved session has a new start time and so gets its own reminder.
 */
@Entity('session_reminders')
export class SessionReminder {
  @PrimaryColumn({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @PrimaryColumn({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', default: () => 'now()' })
  sentAt: Date;
}
