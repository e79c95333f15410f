import type { DevelopmentForm, EnrollmentStatus } from '@cakap/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

const numeric = { to: (v: number) => v, from: (v: string | null) => (v === null ? 0 : Number(v)) };

/** A learner's enrolment in a course, pinned to the version that was current when they enrolled (invariant 1). */
@Entity('enrollments')
export class EnrollmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId!: string;

  @Column({ type: 'int' })
  version!: number;

  @Column({ type: 'varchar', length: 20, default: 'active' })
  status!: EnrollmentStatus;

  @Column({ name: 'enrolled_at', type: 'timestamptz', default: () => 'now()' })
  enrolledAt!: Date;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Column({ name: 'last_lesson_key', type: 'varchar', length: 64, nullable: true })
  lastLessonKey!: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** Progress in one block of an enrolment's version: monotonic (nothing a learner did is lost). */
@Entity('block_progress')
export class BlockProgressEntity {
  @PrimaryColumn({ name: 'enrollment_id', type: 'uuid' })
  enrollmentId!: string;

  @PrimaryColumn({ name: 'block_key', type: 'varchar', length: 64 })
  blockKey!: string;

  @Column({ name: 'viewed_at', type: 'timestamptz', nullable: true })
  viewedAt!: Date | null;

  @Column({ name: 'max_fraction', type: 'numeric', precision: 5, scale: 4, default: 0, transformer: numeric })
  maxFraction!: number;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** One line of the JP ledger (invariant 8), with SIASN's course-history fields. */
@Entity('learning_hours')
export class LearningHoursEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'varchar', length: 20 })
  source!: 'course' | 'classical';

  /** Unique: a course's JP is recorded once per enrolment. */
  @Column({ name: 'enrollment_id', type: 'uuid', nullable: true })
  enrollmentId!: string | null;

  @Column({ name: 'course_id', type: 'uuid', nullable: true })
  courseId!: string | null;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ type: 'int' })
  jp!: number;

  @Column({ name: 'development_form', type: 'varchar', length: 10 })
  developmentForm!: DevelopmentForm;

  @Column({ type: 'varchar', length: 300 })
  organiser!: string;

  /** `YYYY-MM-DD` (a date without time). */
  @Column({ name: 'start_date', type: 'date' })
  startDate!: string;

  @Column({ name: 'end_date', type: 'date' })
  endDate!: string;

  @Column({ name: 'certificate_number', type: 'varchar', length: 100, nullable: true })
  certificateNumber!: string | null;

  @Column({ name: 'evidence_file_id', type: 'uuid', nullable: true })
  evidenceFileId!: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** The outbox: facts written in the transaction that made them true, processed later by the worker. */
@Entity('domain_events')
export class DomainEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** e.g. `enrollment.completed`. */
  @Column({ type: 'varchar', length: 60 })
  kind!: string;

  @Column({ name: 'aggregate_id', type: 'uuid' })
  aggregateId!: string;

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  /** Unique when set: an event that must exist at most once. */
  @Column({ name: 'dedupe_key', type: 'varchar', length: 200, nullable: true })
  dedupeKey!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'processed_at', type: 'timestamptz', nullable: true })
  processedAt!: Date | null;
}
