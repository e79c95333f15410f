import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { pickLang, type Lang, type Role } from '@cakap/contracts';
import type { Request } from 'express';

/** Who is calling, as read from a verified access token. */
export interface Principal {
  userId: string;
  roles: Role[];
  sessionId: string;
}

export type AppRequest = Request & { id?: string | number; principal?: Principal };

export function requestLang(req: Request): Lang {
  return pickLang(req.headers['accept-language']);
}

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal | undefined => {
  return ctx.switchToHttp().getRequest<AppRequest>().principal;
});

export const RequestLang = createParamDecorator((_: unknown, ctx: ExecutionContext): Lang => {
  return requestLang(ctx.switchToHttp().getRequest<Request>());
});

/** The client address, honouring TRUST_PROXY_HOPS through express' `trust proxy`. */
export function clientIp(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}
