import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  EVALUATION_MESSAGES,
  type CourseSurvey,
  type CourseSurveyInput,
  type EnrollmentEvaluation,
  type SurveyResponseInput,
  type SurveySummary,
} from '@cakap/contracts';
import { checkAnswers, DEFAULT_SURVEY, summarize } from '@cakap/evaluation';
import { AppError, isUniqueViolation } from '../common/app-error';
import type { Principal } from '../common/request';
import { CoursesService } from '../courses/courses.service';
import { EvaluationRepository, type LearnerEnrollment, type SavedSurvey } from './evaluation.repository';

const DEFAULT: SavedSurvey = { questions: [...DEFAULT_SURVEY], requiredForCertificate: false };

/**
 * Level-1 evaluation: the post-course survey of a course (its authors adapt it; without a saved
 * survey it is the default questionnaire) and the learners' responses, one per enrolment. A
 * response stores the questions it answered, so adapting the survey never changes what an
 * earlier answer meant. Authors only ever see anonymous aggregates.
 */
@Injectable()
export class EvaluationService {
  constructor(
    private readonly repo: EvaluationRepository,
    private readonly courses: CoursesService,
  ) {}

  async getSurvey(courseId: string, me: Principal): Promise<CourseSurvey> {
    await this.courses.ensureAuthorAccess(courseId, me);
    return this.view(courseId);
  }

  /** Adapting is allowed at any time, also after responses arrived (they keep their own questions). */
  async putSurvey(courseId: string, input: CourseSurveyInput, me: Principal): Promise<CourseSurvey> {
    await this.courses.ensureAuthorAccess(courseId, me);
    await this.repo.saveSurvey(courseId, input, me.userId);
    return this.view(courseId);
  }

  /** Back to the default questionnaire (which does not hold the certificate back). */
  async resetSurvey(courseId: string, me: Principal): Promise<CourseSurvey> {
    await this.courses.ensureAuthorAccess(courseId, me);
    await this.repo.deleteSurvey(courseId);
    return this.view(courseId);
  }

  async summary(courseId: string, me: Principal): Promise<SurveySummary> {
    await this.courses.ensureAuthorAccess(courseId, me);
    const survey = (await this.repo.survey(courseId)) ?? DEFAULT;
    return summarize(survey.questions, await this.repo.anonymousResponses(courseId), { courseId });
  }

  async getEvaluation(enrollmentId: string, me: Principal): Promise<EnrollmentEvaluation> {
    return this.evaluationOf(await this.mine(enrollmentId, me));
  }

  /**
   * The learner's one response, once the course is completed. When the survey holds the
   * certificate back, the same transaction writes the outbox event the auto-issuance waits for.
   */
  async submit(enrollmentId: string, body: SurveyResponseInput, me: Principal): Promise<EnrollmentEvaluation> {
    const e = await this.mine(enrollmentId, me);
    if (!e.completed) throw new AppError(ErrorCode.Conflict, {}, [{ field: '_', code: EVALUATION_MESSAGES.notCompleted }]);
    if (await this.repo.ownResponse(e.id)) throw this.alreadyAnswered();
    try {
      await this.repo.ds.transaction(async (tx) => {
        const survey = (await this.repo.survey(e.courseId, tx)) ?? DEFAULT;
        const checked = checkAnswers(survey.questions, body.answers);
        if (!checked.ok) throw new AppError(ErrorCode.ValidationFailed, {}, checked.issues);
        await this.repo.insertResponse(tx, e, survey.questions, checked.answers);
        // Always: whether a certificate waited for this answer is the worker's to decide (the
        // requirement may have changed since the learner completed the course).
        await this.repo.recordSubmitted(tx, e);
      });
    } catch (err) {
      // Two submissions at once: the unique key lets one through.
      if (isUniqueViolation(err, 'survey_responses_enrollment_key')) throw this.alreadyAnswered();
      throw err;
    }
    return this.evaluationOf(e);
  }

  private alreadyAnswered() {
    return new AppError(ErrorCode.Conflict, {}, [{ field: '_', code: EVALUATION_MESSAGES.alreadyAnswered }]);
  }

  /** Only the enrolment's learner reaches it; anyone else (admins too: responses are private) gets 404. */
  private async mine(enrollmentId: string, me: Principal): Promise<LearnerEnrollment> {
    const e = await this.repo.enrollment(me.userId, enrollmentId);
    if (!e) throw AppError.notFound();
    return e;
  }

  private async evaluationOf(e: LearnerEnrollment): Promise<EnrollmentEvaluation> {
    const survey = (await this.repo.survey(e.courseId)) ?? DEFAULT;
    const response = await this.repo.ownResponse(e.id);
    return {
      enrollmentId: e.id,
      course: { id: e.courseId, title: e.courseTitle },
      // After answering, the learner sees the questions they answered, not a later adaptation.
      questions: response?.questions ?? survey.questions,
      requiredForCertificate: survey.requiredForCertificate,
      open: e.completed,
      response: response && { answers: response.answers, submittedAt: response.submittedAt.toISOString() },
    };
  }

  private async view(courseId: string): Promise<CourseSurvey> {
    const saved = await this.repo.survey(courseId);
    return { courseId, ...(saved ?? DEFAULT), isDefault: !saved, responseCount: await this.repo.responseCount(courseId) };
  }
}
