import { z } from 'zod';
import { passwordSchema, userSchema } from './people';
import { normalizeNip } from './nip';

export const loginSchema = z.strictObject({
  nip: z.string().trim().min(1).max(40).transform(normalizeNip),
  password: z.string().min(1).max(200),
});
export type LoginRequest = z.infer<typeof loginSchema>;

export const refreshSchema = z.strictObject({ refreshToken: z.string().min(1).max(500) });
export type RefreshRequest = z.infer<typeof refreshSchema>;

export const meSchema = userSchema;
export type Me = z.infer<typeof meSchema>;

export const tokenResponseSchema = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  /** Seconds until the access token expires. */
  expiresIn: z.number().int(),
  user: meSchema,
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: passwordSchema,
});
export type ChangePassword = z.infer<typeof changePasswordSchema>;

/** What an access token carries. Roles ride along so guards need no database trip. */
export interface AccessClaims {
  sub: string;
  roles: string[];
  sid: string;
}
