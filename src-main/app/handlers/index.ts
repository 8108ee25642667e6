/** Every request's handler, gathered from one file per feature. */
import type { Handlers } from '../dispatch';
import { calendarHandlers } from './calendar';
import { commonHandlers } from './common';
import type { HandlerDeps } from './context';
import { hostHandlers } from './hosts';
import { jobHandlers } from './jobs';
import { labelHandlers } from './labels';
import { procedureHandlers } from './procedures';
import { simulatorHandlers } from './simulator';

export type { HandlerDeps } from './context';

export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    ...commonHandlers(deps),
    ...calendarHandlers(deps),
    ...hostHandlers(deps),
    ...labelHandlers(deps),
    ...simulatorHandlers(deps),
    ...procedureHandlers(deps),
    ...jobHandlers(deps),
  };
}
