import type { AttendanceStatus } from '@blup/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Whether a member or guest was at a session, as the facilitator recorded it. */
@Entity('session_attendance')
export class SessionAttendance {
  @PrimaryColumn({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'varchar', length: 8 })
  status: AttendanceStatus;

  @Column({ name: 'recorded_by_id', type: 'uuid', nullable: true })
  recordedById: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt: Date;
}
