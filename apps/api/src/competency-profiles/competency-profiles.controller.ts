import { Controller, Get, Post, Redirect } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import { competencyProfileSchema, evidenceSchema, recordEvidenceSchema, type RecordEvidence } from '@cakap/contracts';
import { Roles } from '../auth/auth.decorators';
import { CurrentUser, type Principal } from '../common/request';
import { ApiResult, UuidParam, ZodBody } from '../common/zod';
import { CompetencyProfilesService } from './competency-profiles.service';

/** The signed-in learner's own competency profile: levels, gaps, evidence and recommended courses. */
@ApiTags('competencies')
@ApiBearerAuth()
@Controller('me/competencies')
export class MyCompetenciesController {
  constructor(private readonly service: CompetencyProfilesService) {}

  @Get()
  @ApiResult(competencyProfileSchema)
  get(@CurrentUser() me: Principal) {
    return this.service.profile(me.userId);
  }
}

/** Admins read any learner's profile and record evidence from outside Cakap (assessments, training). */
@ApiTags('competencies')
@ApiBearerAuth()
@Roles('admin')
@Controller('users/:id')
export class UserCompetenciesController {
  constructor(private readonly service: CompetencyProfilesService) {}

  @Get('competencies')
  @ApiResult(competencyProfileSchema)
  get(@UuidParam() id: string) {
    return this.service.profile(id);
  }

  /** Evidence is append-only: there is no route to change or remove it. */
  @Post('competency-evidence')
  @ApiResult(evidenceSchema, 201)
  record(@UuidParam() id: string, @ZodBody(recordEvidenceSchema) body: RecordEvidence, @CurrentUser() me: Principal) {
    return this.service.recordEvidence(id, body, me);
  }
}

@ApiTags('competencies')
@ApiBearerAuth()
@Controller('competency-evidence')
export class EvidenceFilesController {
  constructor(private readonly service: CompetencyProfilesService) {}

  /** Redirects the learner it belongs to, or an admin, to a signed, expiring download URL; 404 for anyone else. */
  @Get(':id/file')
  @Redirect(undefined, 302)
  @ApiResponse({ status: 302, description: 'Location: the signed URL of the attachment' })
  async file(@UuidParam() id: string, @CurrentUser() me: Principal) {
    return { url: await this.service.fileUrl(id, me) };
  }
}
