import type { CourseStatus } from '@cakap/contracts';

/**
 * The review workflow of a course, as a pure state machine:
 *
 *   draft ──submit──▶ in_review ──publish (admin)──▶ published
 *     ▲                 │  │                             │
 *     └──withdraw───────┘  └──reject (admin, comment)──▶ draft
 *   published ──edit──▶ draft (the published version stays live until the next publication)
 *   any ──archive (owner/admin)──▶ archived ──restore (admin)──▶ published | draft
 *
 * Who may act is part of the rule: the api asks here and translates the answer.
 */
export type WorkflowAction = 'submit' | 'withdraw' | 'publish' | 'reject' | 'archive' | 'restore' | 'edit';

export interface WorkflowActor {
  isAdmin: boolean;
  /** The course's owner. */
  isOwner: boolean;
  /** The owner or a co-author. */
  isAuthor: boolean;
}

export interface WorkflowCourse {
  status: CourseStatus;
  /** The latest published version, null before the first publication. */
  publishedVersion: number | null;
  /** The draft differs from the latest published version. */
  hasUnpublishedChanges: boolean;
}

export type TransitionRefusal =
  /** The actor may not take this action on this course at all. */
  | 'forbidden'
  /** The action does not apply in the course's status. */
  | 'invalid_transition'
  /** An edit while the course is in review or archived. */
  | 'not_editable';

export type TransitionResult = { ok: true; to: CourseStatus } | { ok: false; reason: TransitionRefusal };

const refuse = (reason: TransitionRefusal): TransitionResult => ({ ok: false, reason });
const to = (status: CourseStatus): TransitionResult => ({ ok: true, to: status });

/** Where `action` by `actor` takes `course`, or why it cannot. */
export function transition(course: WorkflowCourse, action: WorkflowAction, actor: WorkflowActor): TransitionResult {
  const author = actor.isAuthor || actor.isAdmin;
  const { status } = course;
  switch (action) {
    case 'edit':
      if (!author) return refuse('forbidden');
      if (status === 'draft' || status === 'published') return to('draft');
      return refuse('not_editable');
    case 'submit':
      if (!author) return refuse('forbidden');
      return status === 'draft' ? to('in_review') : refuse('invalid_transition');
    case 'withdraw':
      if (!author) return refuse('forbidden');
      return status === 'in_review' ? to('draft') : refuse('invalid_transition');
    case 'publish':
      if (!actor.isAdmin) return refuse('forbidden');
      return status === 'in_review' ? to('published') : refuse('invalid_transition');
    case 'reject':
      if (!actor.isAdmin) return refuse('forbidden');
      return status === 'in_review' ? to('draft') : refuse('invalid_transition');
    case 'archive':
      if (!actor.isAdmin && !actor.isOwner) return refuse('forbidden');
      return status === 'archived' ? refuse('invalid_transition') : to('archived');
    case 'restore':
      if (!actor.isAdmin) return refuse('forbidden');
      if (status !== 'archived') return refuse('invalid_transition');
      // Back on the catalog only when what is published is what the draft says.
      return to(course.publishedVersion !== null && !course.hasUnpublishedChanges ? 'published' : 'draft');
  }
}

/** The actions an actor can take now (the studio shows only these buttons). */
export function availableActions(course: WorkflowCourse, actor: WorkflowActor): WorkflowAction[] {
  const all: WorkflowAction[] = ['edit', 'submit', 'withdraw', 'publish', 'reject', 'archive', 'restore'];
  return all.filter((a) => transition(course, a, actor).ok);
}
