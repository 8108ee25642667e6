/**
 * An in-memory ConsoleApi for the renderer's tests: the seam both shells plug into. The test says
 * what each request answers and pushes events itself, as main would.
 */
import { apiEventNames, type ApiEvents, type ConsoleApi, type EventName, type RequestInput, type RequestName, type RequestOutput } from '../../../shared/api';

type Answer<N extends RequestName> = (input: RequestInput<N>) => RequestOutput<N>;
export type Answers = { [N in RequestName]?: Answer<N> };

export interface FakeConsoleApi extends ConsoleApi {
  /** The names of the requests made, in order. */
  readonly asked: RequestName[];
  /** How many times each event was subscribed to, unsubscribed or not. */
  readonly subscribed: Record<EventName, number>;
  /** How many handlers each event has now. */
  listeners(event: EventName): number;
  /** Delivers an event as main pushes one. */
  push<E extends EventName>(event: E, payload: ApiEvents[E]): void;
  /** Changes what a request answers from now on. */
  answer<N extends RequestName>(name: N, answer: Answer<N>): void;
}

export function fakeConsoleApi(initial: Answers): FakeConsoleApi {
  const answers: Answers = { ...initial };
  const handlers = new Map<EventName, Set<(payload: never) => void>>(apiEventNames.map((event) => [event, new Set()]));
  const subscribed = Object.fromEntries(apiEventNames.map((event) => [event, 0])) as Record<EventName, number>;
  const asked: RequestName[] = [];
  return {
    asked,
    subscribed,
    listeners: (event) => handlers.get(event)?.size ?? 0,
    push(event, payload) {
      for (const handler of [...(handlers.get(event) ?? [])]) (handler as (payload: ApiEvents[typeof event]) => void)(payload);
    },
    answer(name, answer) {
      (answers as Record<string, unknown>)[name] = answer;
    },
    request<N extends RequestName>(name: N, input: RequestInput<N>): Promise<RequestOutput<N>> {
      asked.push(name);
      const answer = answers[name] as Answer<N> | undefined;
      if (!answer) return Promise.reject(new Error(`the fake console does not answer ${name}`));
      try {
        return Promise.resolve(answer(input));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
    subscribe<E extends EventName>(event: E, handler: (payload: ApiEvents[E]) => void): () => void {
      subscribed[event] += 1;
      const set = handlers.get(event) as Set<(payload: ApiEvents[E]) => void>;
      set.add(handler);
      return () => set.delete(handler);
    },
  };
}
