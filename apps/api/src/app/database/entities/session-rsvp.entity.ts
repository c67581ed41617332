import type { RsvpAnswer } from '@blup/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A member's or guest's answer to a session: yes, no or maybe. */
@Entity('session_rsvps')
export class SessionRsvp {
  @PrimaryColumn({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'varchar', length: 8 })
  answer: RsvpAnswer;

  @Column({ name: 'answered_at', type: 'timestamptz', default: () => 'now()' })
  answeredAt: Date;
}
