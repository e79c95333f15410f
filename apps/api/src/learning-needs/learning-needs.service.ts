import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  LEARNING_NEEDS_MESSAGES,
  VOTABLE_STATUSES,
  learningNeedInputSchema,
  triageInputSchema,
  type LearningNeed,
  type LearningNeedListQuery,
  type LearningNeedPatch,
  type NeedComment,
  type NeedCommentInput,
  type Page,
  type PageQuery,
  type VoteResult,
} from '@cakap/contracts';
import { notify, notifyMany, type Queryable } from '@cakap/db';
import type { z } from 'zod';
import { AppError, isUniqueViolation } from '../common/app-error';
import type { Principal } from '../common/request';
import { LearningNeedsRepository, type NeedDecision, type NeedState } from './learning-needs.repository';

type NeedInput = z.infer<typeof learningNeedInputSchema>;
type Triage = z.infer<typeof triageInputSchema>;

const isAdmin = (me: Principal) => me.roles.includes('admin');
/** The need's page in the portal: where every notification about it leads. */
const needLink = (id: string) => `/kebutuhan/${id}`;
const conflict = (key: string) => new AppError(ErrorCode.Conflict, {}, [{ field: '_', code: key }]);

/**
 * The learning-needs board: any signed-in ASN proposes, supports (one vote, never their own)
 * and discusses needs; the proposer may change or withdraw a proposal until it is decided;
 * admins triage. Whoever the decision concerns is notified in the decision's transaction.
 */
@Injectable()
export class LearningNeedsService {
  constructor(private readonly repo: LearningNeedsRepository) {}

  async list(query: LearningNeedListQuery, me: Principal): Promise<Page<LearningNeed>> {
    const { items, total } = await this.repo.list(me.userId, query);
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  async get(id: string, me: Principal): Promise<LearningNeed> {
    const need = await this.repo.find(me.userId, id);
    if (!need) throw AppError.notFound();
    return need;
  }

  async propose(input: NeedInput, me: Principal): Promise<LearningNeed> {
    await this.checkCompetency(input.competencyId);
    const id = await this.repo.insert(me.userId, { ...input, competencyId: input.competencyId ?? null });
    return this.get(id, me);
  }

  async update(id: string, patch: LearningNeedPatch, me: Principal): Promise<LearningNeed> {
    await this.ensureProposerMayChange(id, me);
    await this.checkCompetency(patch.competencyId);
    await this.repo.update(id, patch);
    return this.get(id, me);
  }

  async remove(id: string, me: Principal): Promise<void> {
    await this.ensureProposerMayChange(id, me);
    await this.repo.delete(id);
  }

  async vote(id: string, me: Principal): Promise<VoteResult> {
    try {
      return await this.repo.ds.transaction(async (tx) => {
        const need = await this.votable(tx, id);
        if (need.proposerId === me.userId) throw conflict(LEARNING_NEEDS_MESSAGES.ownNeed);
        await this.repo.addVote(tx, id, me.userId);
        return { votes: await this.repo.voteCount(tx, id), votedByMe: true };
      });
    } catch (err) {
      // The primary key allows one vote per ASN, also for two clicks at once.
      if (isUniqueViolation(err, 'learning_need_votes_pkey')) throw conflict(LEARNING_NEEDS_MESSAGES.alreadyVoted);
      throw err;
    }
  }

  /** Withdrawing a vote that is not there is not an error: the toggle ends where the user wanted. */
  async unvote(id: string, me: Principal): Promise<VoteResult> {
    return this.repo.ds.transaction(async (tx) => {
      await this.votable(tx, id);
      await this.repo.removeVote(tx, id, me.userId);
      return { votes: await this.repo.voteCount(tx, id), votedByMe: false };
    });
  }

  async comments(id: string, page: PageQuery, me: Principal): Promise<Page<NeedComment>> {
    await this.get(id, me);
    const { items, total } = await this.repo.comments(id, page.page, page.pageSize);
    return {
      items: items.map((c) => ({ ...c, canDelete: c.author.id === me.userId || isAdmin(me) })),
      total,
      page: page.page,
      pageSize: page.pageSize,
    };
  }

  /** A comment by someone else tells the proposer, who may want to answer it. */
  async addComment(id: string, input: NeedCommentInput, me: Principal): Promise<NeedComment> {
    return this.repo.ds.transaction(async (tx) => {
      const need = await this.repo.lock(tx, id);
      if (!need) throw AppError.notFound();
      const saved = await this.repo.insertComment(tx, id, me.userId, input.body);
      const author = await this.repo.userName(me.userId, tx);
      if (need.proposerId !== me.userId) {
        await notify(tx, {
          userId: need.proposerId,
          kind: 'learningNeed.commented',
          params: { author, title: need.title },
          link: needLink(id),
          dedupeKey: `learningNeed.commented:${saved.id}`,
        });
      }
      return { id: saved.id, body: input.body, author: { id: me.userId, name: author }, createdAt: saved.createdAt.toISOString(), canDelete: true };
    });
  }

  async removeComment(id: string, commentId: string, me: Principal): Promise<void> {
    const comment = await this.repo.comment(id, commentId);
    if (!comment) throw AppError.notFound();
    if (comment.authorId !== me.userId && !isAdmin(me)) throw AppError.forbidden();
    await this.repo.deleteComment(commentId);
  }

  /**
   * The admin's decision. The proposer hears of every change of decision (a declined need with
   * its reason); the supporters hear when the need becomes planned, or its plan changes.
   */
  async triage(id: string, input: Triage, me: Principal): Promise<LearningNeed> {
    await this.repo.ds.transaction(async (tx) => {
      const before = await this.repo.lock(tx, id);
      if (!before) throw AppError.notFound();
      const decision = decisionOf(input);
      let courseTitle: string | null = null;
      if (decision.plannedCourseId) {
        courseTitle = await this.repo.plannableCourseTitle(tx, decision.plannedCourseId);
        if (!courseTitle) throw AppError.invalidField('plannedCourseId', LEARNING_NEEDS_MESSAGES.courseNotFound);
      }
      await this.repo.decide(tx, id, decision, me.userId);
      await this.notifyDecision(tx, before, decision, courseTitle);
    });
    return this.get(id, me);
  }

  private async notifyDecision(tx: Queryable, before: NeedState, d: NeedDecision, courseTitle: string | null): Promise<void> {
    const samePlan =
      before.planYear === d.planYear &&
      before.planKind === d.planKind &&
      before.plannedCourseId === d.plannedCourseId &&
      before.plannedActivity === d.plannedActivity;
    if (d.status === 'proposed' || (before.status === d.status && (d.status === 'declined' || samePlan))) return;
    const params: Record<string, string | number> = { title: before.title };
    if (d.planYear !== null) params.year = d.planYear;
    if (d.status === 'declined') params.reason = d.decisionReason!;
    if (d.status === 'planned') params.plan = courseTitle ?? d.plannedActivity!;
    const link = needLink(before.id);
    await notify(tx, { userId: before.proposerId, kind: `learningNeed.${d.status}`, params, link, dedupeKey: null });
    if (d.status !== 'planned') return;
    const voters = await this.repo.voterIds(tx, before.id);
    await notifyMany(
      tx,
      voters.map((userId) => ({ userId, kind: 'learningNeed.supportedPlanned', params, link, dedupeKey: null })),
    );
  }

  private async votable(tx: Queryable, id: string): Promise<NeedState> {
    const need = await this.repo.lock(tx, id);
    if (!need) throw AppError.notFound();
    if (!VOTABLE_STATUSES.includes(need.status)) throw conflict(LEARNING_NEEDS_MESSAGES.votingClosed);
    return need;
  }

  /** Admins may change any need; its proposer only while it awaits a decision; anyone else never. */
  private async ensureProposerMayChange(id: string, me: Principal): Promise<void> {
    const need = await this.get(id, me);
    if (isAdmin(me)) return;
    if (need.proposer.id !== me.userId) throw AppError.forbidden();
    if (need.status !== 'proposed') throw conflict(LEARNING_NEEDS_MESSAGES.notEditable);
  }

  private async checkCompetency(competencyId: string | null | undefined): Promise<void> {
    if (competencyId && !(await this.repo.publishedCompetencyExists(competencyId))) {
      throw AppError.invalidField('competencyId', LEARNING_NEEDS_MESSAGES.competencyNotPublished);
    }
  }
}

/**
 * The columns a decision writes; the input schema has already checked what each status needs.
 * Only what the status means is kept (a declined need has no plan; an accepted one only its year).
 */
function decisionOf(input: Triage): NeedDecision {
  const reason = input.decisionReason || null;
  const none = { planKind: null, plannedCourseId: null, plannedActivity: null };
  switch (input.status) {
    case 'proposed':
      return { status: 'proposed', decisionReason: reason, ...none, planYear: null };
    case 'declined':
      return { status: 'declined', decisionReason: reason, ...none, planYear: null };
    case 'accepted':
      return { status: 'accepted', decisionReason: reason, ...none, planYear: input.planYear! };
    case 'planned': {
      const course = input.planKind === 'course';
      return {
        status: 'planned',
        decisionReason: reason,
        planKind: input.planKind!,
        plannedCourseId: course ? input.plannedCourseId! : null,
        plannedActivity: course ? null : input.plannedActivity!,
        planYear: input.planYear!,
      };
    }
  }
}
