import { Injectable } from '@nestjs/common';
import {
  ASSIGNMENT_MESSAGES,
  type Assignment,
  type AssignmentListQuery,
  type CreateAssignment,
  type MyAssignments,
  type Page,
} from '@cakap/contracts';
import { jakartaDate } from '@cakap/courses';
import { AppError } from '../common/app-error';
import type { Principal } from '../common/request';
import { AssignmentsRepository, type AssignmentRow, type NewAssignment } from './assignments.repository';

/**
 * Mandatory training: admins assign a published course to a unit (with or without its
 * sub-units), a position or listed users, with a due date. Who is assigned is resolved at read
 * time from the learners' current unit, position and id, so moves and new staff follow.
 */
@Injectable()
export class AssignmentsService {
  constructor(private readonly repo: AssignmentsRepository) {}

  async create(body: CreateAssignment, me: Principal): Promise<Assignment> {
    if (!(await this.repo.assignableCourse(body.courseId))) {
      throw AppError.invalidField('courseId', ASSIGNMENT_MESSAGES.courseNotPublished);
    }
    if (body.dueAt < jakartaDate(new Date())) throw AppError.invalidField('dueAt', ASSIGNMENT_MESSAGES.dueInPast);
    const a: NewAssignment = {
      courseId: body.courseId,
      targetKind: 'org_unit',
      orgUnitId: null,
      includeSubUnits: false,
      positionId: null,
      userIds: null,
      dueAt: body.dueAt,
      note: body.note || null,
    };
    if (body.orgUnitId) {
      if (!(await this.repo.orgUnitExists(body.orgUnitId))) throw AppError.invalidField('orgUnitId', ASSIGNMENT_MESSAGES.unknownTarget);
      Object.assign(a, { targetKind: 'org_unit', orgUnitId: body.orgUnitId, includeSubUnits: body.includeSubUnits ?? false });
    } else if (body.positionId) {
      if (!(await this.repo.positionExists(body.positionId))) throw AppError.invalidField('positionId', ASSIGNMENT_MESSAGES.unknownTarget);
      Object.assign(a, { targetKind: 'position', positionId: body.positionId });
    } else {
      const userIds = [...new Set(body.userIds ?? [])];
      if ((await this.repo.countUsers(userIds)) !== userIds.length) throw AppError.invalidField('userIds', ASSIGNMENT_MESSAGES.unknownTarget);
      Object.assign(a, { targetKind: 'users', userIds });
    }
    return this.get(await this.repo.insert(a, me.userId));
  }

  async get(id: string): Promise<Assignment> {
    const row = await this.repo.get(id);
    if (!row) throw AppError.notFound();
    const counts = await this.repo.counts([id], jakartaDate(new Date()));
    return this.present(row, counts.get(id));
  }

  async list(q: AssignmentListQuery): Promise<Page<Assignment>> {
    const { rows, total } = await this.repo.list(q.includeCancelled, q.page, q.pageSize);
    const counts = await this.repo.counts(
      rows.map((r) => r.id),
      jakartaDate(new Date()),
    );
    return { items: rows.map((r) => this.present(r, counts.get(r.id))), total, page: q.page, pageSize: q.pageSize };
  }

  /** Idempotent: cancelling twice keeps the first cancellation time. */
  async cancel(id: string): Promise<Assignment> {
    if (!(await this.repo.cancel(id))) throw AppError.notFound();
    return this.get(id);
  }

  async mine(me: Principal): Promise<MyAssignments> {
    return { items: await this.repo.forLearner(me.userId, jakartaDate(new Date())) };
  }

  learnerIds(id: string): Promise<string[]> {
    return this.repo.learnerIds(id);
  }

  private present(row: AssignmentRow, counts?: Assignment['counts']): Assignment {
    return {
      ...row,
      createdAt: new Date(row.createdAt).toISOString(),
      cancelledAt: row.cancelledAt ? new Date(row.cancelledAt).toISOString() : null,
      counts: counts ?? { assigned: 0, enrolled: 0, completed: 0, overdue: 0 },
    };
  }
}
