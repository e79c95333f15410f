import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A row error as stored: a message key and its parameters, translated when read. */
export interface StoredRowError {
  row: number;
  field: string;
  code: string;
  params?: Record<string, string | number>;
}

/**
 * A users CSV import. The file's text lives here (Postgres is the source of truth), so a
 * flushed Redis or a restarted worker loses nothing: the reconciler re-enqueues unfinished ones.
 */
@Entity('user_imports')
export class UserImportEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 20, default: 'queued' })
  status!: 'queued' | 'running' | 'completed' | 'failed';

  @Column({ name: 'file_name', type: 'varchar', length: 255, nullable: true })
  fileName!: string | null;

  @Column({ type: 'text', select: false })
  content!: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ type: 'int', default: 0 })
  total!: number;

  @Column({ type: 'int', default: 0 })
  processed!: number;

  @Column({ type: 'int', default: 0 })
  created!: number;

  @Column({ type: 'int', default: 0 })
  updated!: number;

  @Column({ type: 'int', default: 0 })
  failed!: number;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  errors!: StoredRowError[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
