import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  FOLLOW_UP_DEFAULTS,
  FOLLOW_UP_MESSAGES,
  type CourseFollowUp,
  type CourseFollowUpSettings,
  type FollowUpForm,
  type FollowUpListItem,
  type FollowUpResponseInput,
  type FollowUpRole,
  type FollowUpSummary,
  type MyFollowUpsQuery,
  type Page,
} from '@cakap/contracts';
import { checkAnswers, closesAt, followUpQuestions, summarizeFollowUps } from '@cakap/evaluation';
import { AppError, isUniqueViolation } from '../common/app-error';
import type { Principal } from '../common/request';
import { CoursesService } from '../courses/courses.service';
import { FollowUpsRepository, type RequestRow, type SavedFollowUp } from './follow-ups.repository';

const DEFAULTS: SavedFollowUp = { ...FOLLOW_UP_DEFAULTS, learnerQuestions: null, superiorQuestions: null };

/**
 * Level-3 evaluation, the api's side: a course's follow-up settings (its authors adapt them;
 * without saved settings the defaults apply), the respondents' forms and their one response per
 * request, and anonymous summaries per role. The worker schedules, sends, reminds and expires
 * the requests; here a request is only read and answered, by its respondent alone.
 */
@Injectable()
export class FollowUpsService {
  constructor(
    private readonly repo: FollowUpsRepository,
    private readonly courses: CoursesService,
  ) {}

  async getSettings(courseId: string, me: Principal): Promise<CourseFollowUp> {
    await this.courses.ensureAuthorAccess(courseId, me);
    return this.view(courseId);
  }

  /** Takes effect for requests not sent yet (switching off cancels them when their date comes); sent ones keep their questions. */
  async putSettings(courseId: string, input: CourseFollowUpSettings, me: Principal): Promise<CourseFollowUp> {
    await this.courses.ensureAuthorAccess(courseId, me);
    await this.repo.saveSettings(courseId, input, me.userId);
    return this.view(courseId);
  }

  async resetSettings(courseId: string, me: Principal): Promise<CourseFollowUp> {
    await this.courses.ensureAuthorAccess(courseId, me);
    await this.repo.deleteSettings(courseId);
    return this.view(courseId);
  }

  async summary(courseId: string, me: Principal): Promise<FollowUpSummary> {
    await this.courses.ensureAuthorAccess(courseId, me);
    const saved = (await this.repo.settings(courseId)) ?? DEFAULTS;
    const of = async (role: FollowUpRole) =>
      summarizeFollowUps(
        role,
        followUpQuestions(role, role === 'learner' ? saved.learnerQuestions : saved.superiorQuestions),
        await this.repo.anonymousResponses(courseId, role),
        await this.repo.counts(courseId, role),
      );
    return { courseId, learner: await of('learner'), superior: await of('superior') };
  }

  async mine(q: MyFollowUpsQuery, me: Principal): Promise<Page<FollowUpListItem>> {
    const { items, total } = await this.repo.mine(me.userId, q);
    return {
      items: items.map((r) => ({
        id: r.id,
        status: r.status,
        role: r.role,
        course: { id: r.courseId, title: r.courseTitle },
        subject: subjectOf(r),
        dueAt: r.dueAt.toISOString(),
        sentAt: r.sentAt?.toISOString() ?? null,
        answeredAt: r.answeredAt?.toISOString() ?? null,
        closesAt: closingOf(r),
      })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  async form(id: string, me: Principal): Promise<FollowUpForm> {
    return this.formOf(await this.requestOf(id, me));
  }

  /**
   * The respondent's one answer while the request is open (sent, not answered or expired). The
   * request is locked, so the worker's expiry and a second submission wait for this one; the
   * unique key on the response is the backstop.
   */
  async respond(id: string, body: FollowUpResponseInput, me: Principal): Promise<FollowUpForm> {
    await this.requestOf(id, me);
    try {
      await this.repo.ds.transaction(async (tx) => {
        const r = await this.repo.request(me.userId, id, tx, true);
        if (!r) throw AppError.notFound();
        if (r.status === 'answered') throw alreadyAnswered();
        if (r.status !== 'sent') throw new AppError(ErrorCode.Conflict, {}, [{ field: '_', code: FOLLOW_UP_MESSAGES.notOpen }]);
        const questions = await this.questionsFor(r);
        const checked = checkAnswers(questions, body.answers);
        if (!checked.ok) throw new AppError(ErrorCode.ValidationFailed, {}, checked.issues);
        await this.repo.insertResponse(tx, r, questions, checked.answers);
      });
    } catch (err) {
      if (isUniqueViolation(err, 'follow_up_responses_request_key')) throw alreadyAnswered();
      throw err;
    }
    return this.form(id, me);
  }

  /** Only the respondent reaches a request; anyone else (admins too: answers are private) gets 404, so ids leak nothing. */
  private async requestOf(id: string, me: Principal): Promise<RequestRow> {
    const r = await this.repo.request(me.userId, id);
    if (!r) throw AppError.notFound();
    return r;
  }

  private async questionsFor(r: RequestRow) {
    const saved = await this.repo.settings(r.courseId);
    return followUpQuestions(r.role, r.role === 'learner' ? saved?.learnerQuestions : saved?.superiorQuestions);
  }

  private async formOf(r: RequestRow): Promise<FollowUpForm> {
    const response = await this.repo.ownResponse(r.id);
    return {
      id: r.id,
      status: r.status,
      role: r.role,
      course: { id: r.courseId, title: r.courseTitle },
      subject: subjectOf(r),
      // Once answered, the questions answered, not a later adaptation.
      questions: response?.questions ?? [...(await this.questionsFor(r))],
      dueAt: r.dueAt.toISOString(),
      sentAt: r.sentAt?.toISOString() ?? null,
      closesAt: closingOf(r),
      open: r.status === 'sent',
      response: response && { answers: response.answers, submittedAt: response.submittedAt.toISOString() },
    };
  }

  private async view(courseId: string): Promise<CourseFollowUp> {
    const saved = await this.repo.settings(courseId);
    const s = saved ?? DEFAULTS;
    return {
      courseId,
      enabled: s.enabled,
      weeksAfter: s.weeksAfter,
      includeSuperior: s.includeSuperior,
      reminderDays: s.reminderDays,
      maxReminders: s.maxReminders,
      learnerQuestions: [...followUpQuestions('learner', s.learnerQuestions)],
      superiorQuestions: [...followUpQuestions('superior', s.superiorQuestions)],
      isDefault: !saved,
      learnerQuestionsDefault: !s.learnerQuestions,
      superiorQuestionsDefault: !s.superiorQuestions,
    };
  }
}

function alreadyAnswered() {
  return new AppError(ErrorCode.Conflict, {}, [{ field: '_', code: FOLLOW_UP_MESSAGES.alreadyAnswered }]);
}

/** The employee a superior is asked about; the learner's own request names nobody. */
function subjectOf(r: RequestRow) {
  return r.role === 'superior' ? { name: r.subjectName, nip: r.subjectNip } : null;
}

function closingOf(r: RequestRow): string | null {
  return r.sentAt && r.status === 'sent' ? closesAt(r.sentAt, r).toISOString() : null;
}
