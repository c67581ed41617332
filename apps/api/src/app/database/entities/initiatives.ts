import type { InitiativeStatus } from '@blup/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A focus area (indsatsområde): a village's way of grouping its initiatives. */
@Entity('focus_areas')
export class FocusArea {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'village_id', type: 'uuid' })
  villageId: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

/** An initiative from the future workshop; its members are its working group. */
@Entity('initiatives')
export class Initiative {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'village_id', type: 'uuid' })
  villageId: string;

  @Column({ name: 'focus_area_id', type: 'uuid' })
  focusAreaId: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'varchar', length: 120, array: true, default: () => "'{}'" })
  partners: string[];

  @Column({ name: 'milestone_what', type: 'varchar', length: 200, nullable: true })
  milestoneWhat: string | null;

  @Column({ name: 'milestone_date', type: 'date', nullable: true })
  milestoneDate: string | null;

  @Column({ type: 'varchar', length: 20, default: 'idea' })
  status: InitiativeStatus;

  @Column({ type: 'smallint', default: 0 })
  progress: number;

  @Column({ type: 'smallint', default: 1 })
  weight: number;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

/** A goal an initiative serves. */
@Entity('initiative_goals')
export class InitiativeGoal {
  @PrimaryColumn({ name: 'initiative_id', type: 'uuid' })
  initiativeId: string;

  @PrimaryColumn({ name: 'goal_id', type: 'uuid' })
  goalId: string;
}

/** The contact person or a member of an initiative: an account, or a name and ways to reach them. */
@Entity('initiative_people')
export class InitiativePerson {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'initiative_id', type: 'uuid' })
  initiativeId: string;

  @Column({ type: 'varchar', length: 10 })
  kind: 'contact' | 'member';

  @Column({ type: 'smallint' })
  position: number;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  phone: string | null;
}

export const INITIATIVE_ENTITIES = [FocusArea, Initiative, InitiativeGoal, InitiativePerson];
