import type { ApiEvents, BridgeApi, ConsoleApi, EventName, RequestName } from '../../shared/api';
import { isApiError } from '../../shared/errors';
import { ConsoleApiError } from './api-error';

/** The Electron shell's client: the functions the preload exposed through contextBridge. */
export function createBridgeApi(bridge: BridgeApi): ConsoleApi {
  return {
    async request(name: RequestName, input: unknown) {
      const call = bridge[name] as (input: unknown) => Promise<unknown>;
      const result = await call(input);
      if (isApiError(result)) throw new ConsoleApiError(result.error);
      return (result as { ok: unknown }).ok;
    },
    subscribe<E extends EventName>(event: E, handler: (payload: ApiEvents[E]) => void) {
      return bridge.subscribe(event, handler as (payload: unknown) => void);
    },
  } as ConsoleApi;
}
