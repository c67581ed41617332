import type { GoalStatus } from '@blup/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  type ValueTransformer,
} from 'typeorm';

/** PostgreSQL `numeric` comes back as text; the API speaks numbers. */
const numeric: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/** One of the UN's 17 Sustainable Development Goals, seeded by its migration. */
@Entity('sdgs')
export class Sdg {
  @PrimaryColumn({ type: 'smallint' })
  number: number;

  @Column({ name: 'name_da', type: 'varchar', length: 80 })
  nameDa: string;

  @Column({ name: 'name_en', type: 'varchar', length: 80 })
  nameEn: string;

  @Column({ type: 'char', length: 7 })
  colour: string;
}

/** A village goal (landsbymål) on one or more SDGs. */
@Entity('village_goals')
export class VillageGoal {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'village_id', type: 'uuid' })
  villageId: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', default: '' })
  why: string;

  @Column({ type: 'smallint', array: true })
  sdgs: number[];

  @Column({ type: 'varchar', length: 200, default: '' })
  owner: string;

  @Column({ type: 'date', nullable: true })
  horizon: string | null;

  @Column({ type: 'varchar', length: 200, default: '' })
  indicator: string;

  @Column({ type: 'numeric', nullable: true, transformer: numeric })
  baseline: number | null;

  @Column({ name: 'target_value', type: 'numeric', nullable: true, transformer: numeric })
  targetValue: number | null;

  @Column({ name: 'current_value', type: 'numeric', nullable: true, transformer: numeric })
  currentValue: number | null;

  @Column({ type: 'varchar', length: 20, default: 'idea' })
  status: GoalStatus;

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

/** One step in a goal's timeline. */
@Entity('village_goal_updates')
export class VillageGoalUpdate {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'goal_id', type: 'uuid' })
  goalId: string;

  @Column({ type: 'varchar', length: 20 })
  status: GoalStatus;

  @Column({ type: 'text', default: '' })
  note: string;

  @Column({ type: 'numeric', nullable: true, transformer: numeric })
  value: number | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

export const GOAL_ENTITIES = [Sdg, VillageGoal, VillageGoalUpdate];
