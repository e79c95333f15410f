import type { CourseContent, CourseStatus, DevelopmentForm, VersionSnapshot } from '@cakap/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A course as its authors edit it: metadata, the draft content tree and its workflow status. */
@Entity('courses')
export class CourseEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text', default: '' })
  summary!: string;

  @Column({ type: 'int', default: 0 })
  jp!: number;

  @Column({ type: 'varchar', length: 100, nullable: true })
  category!: string | null;

  @Column({ name: 'cover_file_id', type: 'uuid', nullable: true })
  coverFileId!: string | null;

  @Column({ name: 'duration_minutes', type: 'int', nullable: true })
  durationMinutes!: number | null;

  @Column({ type: 'varchar', length: 2, default: 'id' })
  language!: 'id' | 'en';

  @Column({ name: 'development_form', type: 'varchar', length: 10, default: 'NKL03' })
  developmentForm!: DevelopmentForm;

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  tags!: string[];

  @Column({ name: 'certificate_auto', type: 'boolean', default: false })
  certificateAuto!: boolean;

  @Column({ name: 'certificate_template_id', type: 'uuid', nullable: true })
  certificateTemplateId!: string | null;

  @Column({ type: 'varchar', length: 20, default: 'draft' })
  status!: CourseStatus;

  /** The draft tree (modules → lessons → blocks), as validated by the content plugins. */
  @Column({ type: 'jsonb', default: () => `'{"modules":[]}'` })
  content!: CourseContent;

  /** Bumped by every edit: optimistic concurrency for autosave, and "unpublished changes". */
  @Column({ type: 'int', default: 0 })
  revision!: number;

  @Column({ name: 'review_comment', type: 'text', nullable: true })
  reviewComment!: string | null;

  @Column({ name: 'published_version', type: 'int', nullable: true })
  publishedVersion!: number | null;

  /** The revision that was published last; differs from `revision` when there are unpublished changes. */
  @Column({ name: 'published_revision', type: 'int', nullable: true })
  publishedRevision!: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

@Entity('course_authors')
export class CourseAuthorEntity {
  @PrimaryColumn({ name: 'course_id', type: 'uuid' })
  courseId!: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'varchar', length: 10 })
  role!: 'owner' | 'coauthor';

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** A published version: written once, never updated or deleted (a trigger refuses). Invariant 1. */
@Entity('course_versions')
export class CourseVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId!: string;

  @Column({ type: 'int' })
  version!: number;

  @Column({ type: 'jsonb' })
  snapshot!: VersionSnapshot;

  /** SHA-256 of the snapshot's canonical JSON. */
  @Column({ type: 'char', length: 64 })
  hash!: string;

  @Column({ name: 'published_by', type: 'uuid' })
  publishedBy!: string;

  @Column({ name: 'published_at', type: 'timestamptz' })
  publishedAt!: Date;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  // Copied from the snapshot for the catalog's filters and search.
  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  category!: string | null;

  @Column({ type: 'varchar', length: 2 })
  language!: 'id' | 'en';

  @Column({ type: 'int' })
  jp!: number;

  @Column({ name: 'module_count', type: 'int' })
  moduleCount!: number;

  @Column({ name: 'lesson_count', type: 'int' })
  lessonCount!: number;

  @Column({ name: 'search_text', type: 'text' })
  searchText!: string;
}

export type CourseEventKind =
  | 'created'
  | 'submitted'
  | 'withdrawn'
  | 'approved'
  | 'rejected'
  | 'archived'
  | 'restored'
  | 'coauthor_added'
  | 'coauthor_removed';

@Entity('course_events')
export class CourseEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId!: string;

  @Column({ name: 'actor_id', type: 'uuid' })
  actorId!: string;

  @Column({ type: 'varchar', length: 30 })
  kind!: CourseEventKind;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ type: 'int', nullable: true })
  version!: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
