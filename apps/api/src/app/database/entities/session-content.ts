import type { AgendaItem, Material, Phase } from '@blup/contracts';
import { Column, CreateDateColumn, UpdateDateColumn } from 'typeorm';

/**
 * The columns a planned slot and a circle's session share: what it is about and when. A circle's
 * session starts as a copy of its plan slot, so both tables keep these under the same names.
 */
export abstract class SessionContent {
  @Column({ type: 'varchar', length: 160 })
  title: string;

  @Column({ type: 'varchar', length: 32 })
  phase: Phase;

  @Column({ type: 'varchar', length: 300, default: '' })
  topic: string;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  agenda: AgendaItem[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  materials: Material[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
