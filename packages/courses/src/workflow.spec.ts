import type { CourseStatus } from '@cakap/contracts';
import { availableActions, transition, type WorkflowAction, type WorkflowActor } from './workflow';

const owner: WorkflowActor = { isAdmin: false, isOwner: true, isAuthor: true };
const coauthor: WorkflowActor = { isAdmin: false, isOwner: false, isAuthor: true };
const admin: WorkflowActor = { isAdmin: true, isOwner: false, isAuthor: false };
const stranger: WorkflowActor = { isAdmin: false, isOwner: false, isAuthor: false };
const course = (status: CourseStatus, publishedVersion: number | null = null, hasUnpublishedChanges = true) => ({
  status,
  publishedVersion,
  hasUnpublishedChanges,
});

describe('course workflow', () => {
  it.each<[CourseStatus, WorkflowAction, WorkflowActor, CourseStatus]>([
    ['draft', 'submit', owner, 'in_review'],
    ['draft', 'submit', coauthor, 'in_review'],
    ['in_review', 'withdraw', owner, 'draft'],
    ['in_review', 'publish', admin, 'published'],
    ['in_review', 'reject', admin, 'draft'],
    ['published', 'edit', coauthor, 'draft'],
    ['draft', 'edit', owner, 'draft'],
    ['draft', 'archive', owner, 'archived'],
    ['published', 'archive', admin, 'archived'],
    ['in_review', 'archive', owner, 'archived'],
  ])('%s --%s--> %s', (from, action, actor, expected) => {
    expect(transition(course(from), action, actor)).toEqual({ ok: true, to: expected });
  });

  it.each<[CourseStatus, WorkflowAction, WorkflowActor, string]>([
    ['in_review', 'publish', owner, 'forbidden'],
    ['in_review', 'reject', coauthor, 'forbidden'],
    ['draft', 'archive', coauthor, 'forbidden'],
    ['draft', 'edit', stranger, 'forbidden'],
    ['archived', 'restore', owner, 'forbidden'],
    ['draft', 'publish', admin, 'invalid_transition'],
    ['published', 'submit', owner, 'invalid_transition'],
    ['draft', 'withdraw', owner, 'invalid_transition'],
    ['published', 'reject', admin, 'invalid_transition'],
    ['archived', 'archive', admin, 'invalid_transition'],
    ['draft', 'restore', admin, 'invalid_transition'],
    ['in_review', 'edit', owner, 'not_editable'],
    ['archived', 'edit', admin, 'not_editable'],
  ])('refuses %s --%s-- (%s)', (from, action, actor, reason) => {
    expect(transition(course(from), action, actor)).toEqual({ ok: false, reason });
  });

  it('restores to published only when the published version is what the draft says', () => {
    expect(transition(course('archived', 2, false), 'restore', admin)).toEqual({ ok: true, to: 'published' });
    expect(transition(course('archived', 2, true), 'restore', admin)).toEqual({ ok: true, to: 'draft' });
    expect(transition(course('archived', null, true), 'restore', admin)).toEqual({ ok: true, to: 'draft' });
  });

  it('lists the actions an actor can take', () => {
    expect(availableActions(course('draft'), owner)).toEqual(['edit', 'submit', 'archive']);
    expect(availableActions(course('in_review'), admin)).toEqual(['withdraw', 'publish', 'reject', 'archive']);
    expect(availableActions(course('draft'), stranger)).toEqual([]);
  });
});
