import type { IdeaListStatus } from '@blup/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A village's list of ideas that residents dot-vote on (issue 15, point 4). */
@Entity('idea_lists')
export class IdeaList {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'village_id', type: 'uuid' })
  villageId: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', default: '' })
  intro: string;

  @Column({ name: 'dots_per_person', type: 'smallint', default: 3 })
  dotsPerPerson: number;

  @Column({ type: 'varchar', length: 10, default: 'draft' })
  status: IdeaListStatus;

  @Column({ name: 'public_token', type: 'varchar', length: 43 })
  publicToken: string;

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

/** An idea on a list: typed in or from a survey answer; `initiativeId` once it was chosen. */
@Entity('ideas')
export class Idea {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'list_id', type: 'uuid' })
  listId: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 1000, default: '' })
  description: string;

  @Column({ name: 'source_kind', type: 'varchar', length: 20, nullable: true })
  sourceKind: 'survey_answer' | null;

  @Column({ name: 'source_survey_id', type: 'uuid', nullable: true })
  sourceSurveyId: string | null;

  @Column({ name: 'source_question_id', type: 'uuid', nullable: true })
  sourceQuestionId: string | null;

  @Column({ name: 'paper_dots', type: 'integer', default: 0 })
  paperDots: number;

  @Column({ name: 'initiative_id', type: 'uuid', nullable: true })
  initiativeId: string | null;

  @Column({ type: 'integer' })
  position: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** One voter's dots on one idea; the voter is an HMAC of the list and their device's key. */
@Entity('idea_votes')
export class IdeaVote {
  @PrimaryColumn({ name: 'list_id', type: 'uuid' })
  listId: string;

  @PrimaryColumn({ name: 'voter_hash', type: 'char', length: 64 })
  voterHash: string;

  @PrimaryColumn({ name: 'idea_id', type: 'uuid' })
  ideaId: string;

  @Column({ type: 'smallint' })
  dots: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** Someone (no account) who would help with an idea, and how to reach them. */
@Entity('idea_helpers')
export class IdeaHelper {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'list_id', type: 'uuid' })
  listId: string;

  @Column({ name: 'idea_id', type: 'uuid' })
  ideaId: string;

  @Column({ name: 'voter_hash', type: 'char', length: 64 })
  voterHash: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  phone: string | null;

  @Column({ name: 'consent_version', type: 'varchar', length: 20 })
  consentVersion: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

export const IDEA_ENTITIES = [IdeaList, Idea, IdeaVote, IdeaHelper];
