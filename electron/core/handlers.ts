import type { CallName, CallResponse, ParsedRequest } from '@shared/contract';

/** The core's side of the contract: one function per call, typed from its schemas. */
export type Handlers = {
  [K in CallName]: (request: ParsedRequest<K>) => CallResponse<K> | Promise<CallResponse<K>>;
};

/** The handlers one feature provides, e.g. `HandlersFor<keyof typeof lookupCalls>`. */
export type HandlersFor<K extends CallName> = Pick<Handlers, K>;
