import { BRIDGE_GLOBAL, type BridgeApi, type ConsoleApi } from '../../shared/api';
import { createBridgeApi } from './bridge-client';
import { createSocketApi } from './socket-client';

/** The one place that looks at which shell carries the API; screens only see ConsoleApi. */
export function connectConsoleApi(): ConsoleApi {
  const bridge = (window as unknown as Record<string, BridgeApi | undefined>)[BRIDGE_GLOBAL];
  if (bridge) return createBridgeApi(bridge);
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  return createSocketApi(`ws://${window.location.host}/api?token=${encodeURIComponent(token)}`);
}
