import type { z } from 'zod';

/** Who may make a call: anyone at the screen, or only signed-in staff. */
export type CallRole = 'public' | 'clerk' | 'supervisor';

export interface CallDef<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  readonly request: Req;
  readonly response: Res;
  readonly role: CallRole;
}

export interface EventDef<P extends z.ZodType = z.ZodType> {
  readonly payload: P;
}

export function defineCall<Req extends z.ZodType, Res extends z.ZodType>(
  request: Req,
  response: Res,
  role: CallRole = 'public',
): CallDef<Req, Res> {
  return { request, response, role };
}

export function defineEvent<P extends z.ZodType>(payload: P): EventDef<P> {
  return { payload };
}
