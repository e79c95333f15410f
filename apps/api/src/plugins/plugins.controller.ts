import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { contentTypeInfoSchema, questionTypeInfoSchema, type ContentTypeInfo, type QuestionTypeInfo } from '@cakap/contracts';
import type { PluginRegistry } from '@cakap/plugin-sdk/host';
import { z } from 'zod';
import { Roles } from '../auth/auth.decorators';
import { ApiResult } from '../common/zod';
import { InjectPlugins } from './plugins.tokens';

@ApiTags('authoring')
@ApiBearerAuth()
@Controller()
export class PluginsController {
  private readonly contentTypes: ContentTypeInfo[];
  private readonly questionTypes: QuestionTypeInfo[];

  constructor(@InjectPlugins() registry: PluginRegistry) {
    // Computed once: the enabled set never changes while the process runs.
    this.contentTypes = [...registry.contentTypes.values()].map(({ plugin, def }) => ({
      key: def.key,
      plugin,
      title: def.title,
      ...(def.description ? { description: def.description } : {}),
      completion: def.completion,
      dataSchema: z.toJSONSchema(def.schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>,
    }));
    this.questionTypes = [...registry.questionTypes.values()].map(({ plugin, def }) => ({
      key: def.key,
      plugin,
      title: def.title,
      ...(def.description ? { description: def.description } : {}),
      manualGrading: def.manualGrading ?? false,
      dataSchema: z.toJSONSchema(def.authorSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>,
    }));
  }

  /** The content types the enabled plugins offer (the studio builds its block menu from this). */
  @Get('content-types')
  @ApiResult(z.array(contentTypeInfoSchema))
  list(): ContentTypeInfo[] {
    return this.contentTypes;
  }

  /** The question types the enabled plugins offer (the bank editor builds its type menu from this). */
  @Get('question-types')
  @Roles('author', 'admin')
  @ApiResult(z.array(questionTypeInfoSchema))
  listQuestionTypes(): QuestionTypeInfo[] {
    return this.questionTypes;
  }
}
