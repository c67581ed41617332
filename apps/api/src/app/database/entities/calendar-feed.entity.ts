import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A person's secret calendar address. The token is the whole secret (like a calendar app's
 * "secret address"), kept so the person can copy it again; resetting it replaces the token,
 * which revokes the old address at once.
 */
@Entity('calendar_feeds')
export class CalendarFeed {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'varchar', length: 64 })
  token: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
