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

/** One of the UN's 169 targets under an SDG, seeded by its migration. */
@Entity('sdg_targets')
export class SdgTarget {
  @PrimaryColumn({ type: 'varchar', length: 5 })
  code: string;

  @Column({ type: 'smallint' })
  sdg: number;

  @Column({ name: 'text_en', type: 'text' })
  textEn: string;

  @Column({ name: 'text_da', type: 'text', nullable: true })
  textDa: string | null;

  @Column({ type: 'smallint' })
  ordering: number;
}

/** A target a village goal names (under one of the goal's SDGs). */
@Entity('village_goal_targets')
export class VillageGoalTarget {
  @PrimaryColumn({ name: 'goal_id', type: 'uuid' })
  goalId: string;

  @PrimaryColumn({ name: 'target_code', type: 'varchar', length: 5 })
  targetCode: string;
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

  /** The owner in words, for someone without an account; '' when a person or group owns it. */
  @Column({ type: 'varchar', length: 200, default: '' })
  owner: string;

  /** The owner when it is a person with an account in the village. */
  @Column({ name: 'owner_user_id', type: 'uuid', nullable: true })
  ownerUserId: string | null;

  /** The owner when it is a working group: one of the village's initiatives. */
  @Column({ name: 'owner_initiative_id', type: 'uuid', nullable: true })
  ownerInitiativeId: string | null;

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

  /** The photo's large copy's key in the file store, or null. */
  @Column({ name: 'photo_key', type: 'varchar', length: 200, nullable: true })
  photoKey: string | null;

  @Column({ name: 'photo_thumbnail_key', type: 'varchar', length: 200, nullable: true })
  photoThumbnailKey: string | null;

  @Column({ name: 'photo_width', type: 'integer', nullable: true })
  photoWidth: number | null;

  @Column({ name: 'photo_height', type: 'integer', nullable: true })
  photoHeight: number | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

export const GOAL_ENTITIES = [Sdg, SdgTarget, VillageGoal, VillageGoalTarget, VillageGoalUpdate];
