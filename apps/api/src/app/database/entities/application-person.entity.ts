import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One person of an application's coordination group (issue 6). */
@Entity('application_people')
export class ApplicationPerson {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 120, nullable: true })
  position: string | null;

  /** The account made or flagged on approval. */
  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  /** The order the applicant gave. */
  @Column({ type: 'integer', default: 0 })
  sort: number;
}
