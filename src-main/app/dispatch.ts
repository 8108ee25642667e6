import { type z } from 'zod';
import { apiRequests, isRequestName, type ParsedInput, type RequestName, type RequestOutput } from '../../shared/api';
import { ApiFailure, type ApiResult } from '../../shared/errors';

/** Who is asking: one per window or browser tab. */
export interface RequestContext {
  operator: string | null;
}

export type Handlers = {
  [N in RequestName]: (input: ParsedInput<N>, ctx: RequestContext) => RequestOutput<N> | Promise<RequestOutput<N>>;
};

function formatIssuePath(path: readonly PropertyKey[]): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? String(part) : `.${String(part)}`)).join('');
}

/**
 * Validates a request from either shell and runs its handler. It never throws: every failure
 * comes back as the serialisable envelope the UI shows.
 */
export async function dispatch(
  handlers: Handlers,
  name: unknown,
  rawInput: unknown,
  ctx: RequestContext,
  onInternalError: (error: unknown) => void = () => undefined,
): Promise<ApiResult<unknown>> {
  if (!isRequestName(name)) {
    return { error: { code: 'unknown-request', message: `unknown request ${JSON.stringify(String(name)).slice(0, 80)}` } };
  }
  const parsed = (apiRequests[name].input as z.ZodType).safeParse(rawInput);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ path: formatIssuePath(issue.path), message: issue.message }));
    const problems = issues.map(({ path, message }) => (path ? `${path}: ${message}` : message));
    return { error: { code: 'invalid-input', message: `${name}: ${problems.join('; ')}`, details: { problems, issues } } };
  }
  try {
    const handler = handlers[name] as (input: unknown, ctx: RequestContext) => unknown;
    return { ok: await handler(parsed.data, ctx) };
  } catch (error) {
    if (error instanceof ApiFailure) {
      return { error: { code: error.code, message: error.message, details: error.details } };
    }
    onInternalError(error);
    const message = error instanceof Error ? error.message : String(error);
    return { error: { code: 'internal', message: `${name} failed: ${message}` } };
  }
}
