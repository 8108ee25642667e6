/** The client the actions talk to main through: set once at start, by the shell's connector or a test. */
import type { ConsoleApi } from '../../shared/api';

let api: ConsoleApi | null = null;

export function setApi(client: ConsoleApi | null): void {
  api = client;
}

export function getApi(): ConsoleApi {
  if (!api) throw new Error('the console API is not connected yet');
  return api;
}
