import type { LearnerKind, Locale, PersonStatus, Role } from '@blup/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Municipality } from './municipality.entity';
import type { Village } from './village.entity';

/** A person with an account. Email is stored trimmed and lower-cased. */
@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  /** argon2id; null until the person sets a password (invited, or link-only). */
  @Column({ name: 'password_hash', type: 'text', nullable: true, select: false })
  passwordHash: string | null;

  @Column({ type: 'varchar', length: 32 })
  role: Role;

  @Column({ type: 'varchar', length: 2, default: 'da' })
  locale: Locale;

  @Column({ name: 'municipality_id', type: 'uuid', nullable: true })
  municipalityId: string | null;

  @ManyToOne('Municipality', { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'municipality_id' })
  municipality?: Municipality | null;

  @Column({ name: 'village_id', type: 'uuid', nullable: true })
  villageId: string | null;

  @ManyToOne('Village', { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'village_id' })
  village?: Village | null;

  /** Steering members: one of the 2–4 who lead the steering group. */
  @Column({ name: 'coordination_group', type: 'boolean', default: false })
  coordinationGroup: boolean;

  /** Coordinators: the municipality's named contact person. */
  @Column({ name: 'contact_person', type: 'boolean', default: false })
  contactPerson: boolean;

  @Column({ name: 'learner_kind', type: 'varchar', length: 32, nullable: true })
  learnerKind: LearnerKind | null;

  @Column({ name: 'invited_by_id', type: 'uuid', nullable: true })
  invitedById: string | null;

  /** When the person first set a password or signed in; null while only invited. */
  @Column({ name: 'activated_at', type: 'timestamptz', nullable: true })
  activatedAt: Date | null;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  /** When the person said no to newsletters (the link in every newsletter); null: they get them. */
  @Column({ name: 'newsletters_opted_out_at', type: 'timestamptz', nullable: true })
  newslettersOptedOutAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

export function personStatus(user: Pick<User, 'disabledAt' | 'activatedAt'>): PersonStatus {
  if (user.disabledAt) return 'disabled';
  return user.activatedAt ? 'active' : 'invited';
}
