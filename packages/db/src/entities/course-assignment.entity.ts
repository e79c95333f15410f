import type { AssignmentTargetKind } from '@cakap/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A course assigned to a unit, a position or listed users, with a due date (mandatory training). */
@Entity('course_assignments')
export class CourseAssignmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId!: string;

  @Column({ name: 'target_kind', type: 'varchar', length: 20 })
  targetKind!: AssignmentTargetKind;

  @Column({ name: 'org_unit_id', type: 'uuid', nullable: true })
  orgUnitId!: string | null;

  @Column({ name: 'include_sub_units', type: 'boolean', default: false })
  includeSubUnits!: boolean;

  @Column({ name: 'position_id', type: 'uuid', nullable: true })
  positionId!: string | null;

  @Column({ name: 'user_ids', type: 'uuid', array: true, nullable: true })
  userIds!: string[] | null;

  @Column({ name: 'due_at', type: 'date' })
  dueAt!: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note!: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;
}
