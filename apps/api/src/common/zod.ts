import { Body, Param, type PipeTransform, Query, applyDecorators } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiParam, ApiQuery, ApiResponse } from '@nestjs/swagger';
import { z } from 'zod';
import { ZodValidationError } from './app-error';

/**
 * Requests are validated by the zod schemas of @cakap/contracts, and the same schemas
 * describe the endpoints in OpenAPI: one source for types, validation and documentation.
 */
export class ZodPipe<T extends z.ZodType> implements PipeTransform<unknown, z.infer<T>> {
  /** `field` names a lone value (a path parameter) in the error, which otherwise has no path. */
  constructor(
    private readonly schema: T,
    private readonly field?: string,
  ) {}

  transform(value: unknown): z.infer<T> {
    const result = this.schema.safeParse(value);
    if (result.success) return result.data;
    if (!this.field) throw new ZodValidationError(result.error.issues, value);
    const issues = result.error.issues.map((i) => ({ ...i, path: [this.field!, ...i.path] }));
    throw new ZodValidationError(issues, { [this.field]: value });
  }
}

type JsonSchema = Record<string, unknown>;

export function toOpenApi(schema: z.ZodType, io: 'input' | 'output' = 'output'): JsonSchema {
  const json = z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as JsonSchema;
  delete json.$schema;
  return json;
}

// The swagger decorators are method decorators; applying them from a parameter decorator
// keeps validation and documentation on one line of the controller.
function onMethod(target: object, key: string | symbol | undefined, decorator: MethodDecorator) {
  if (key === undefined) return;
  const descriptor = Object.getOwnPropertyDescriptor(target, key)!;
  decorator(target, key, descriptor);
}

/** `@ZodBody(createUserSchema) body: CreateUser` — validated and documented. */
export function ZodBody(schema: z.ZodType): ParameterDecorator {
  return (target, key, index) => {
    Body(new ZodPipe(schema))(target, key!, index);
    onMethod(target, key, ApiBody({ schema: toOpenApi(schema, 'input') }));
  };
}

/** `@ZodQuery(userListQuerySchema) query: UserListQuery` — every property becomes a documented query parameter. */
export function ZodQuery(schema: z.ZodObject): ParameterDecorator {
  return (target, key, index) => {
    Query(new ZodPipe(schema))(target, key!, index);
    const json = toOpenApi(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, prop] of Object.entries(json.properties ?? {})) {
      onMethod(target, key, ApiQuery({ name, required: json.required?.includes(name) ?? false, schema: prop }));
    }
  };
}

/** `@UuidParam('id') id: string` — a malformed id is a 400 naming the parameter, never a database error. */
export function UuidParam(name = 'id'): ParameterDecorator {
  return (target, key, index) => {
    Param(name, new ZodPipe(z.uuid(), name))(target, key!, index);
    onMethod(target, key, ApiParam({ name, schema: { type: 'string', format: 'uuid' } }));
  };
}

/** Documents the success response with a contracts schema. */
export function ApiResult(schema: z.ZodType, status = 200) {
  return status === 200
    ? ApiOkResponse({ schema: toOpenApi(schema) })
    : ApiResponse({ status, schema: toOpenApi(schema) });
}

export { applyDecorators };
