import type { ApiEvents, EventName } from '../../shared/api';

type Listener = <E extends EventName>(event: E, payload: ApiEvents[E]) => void;

/** Fans main-process events out to every connected console (windows and browser tabs). */
export class EventBus {
  private readonly listeners = new Set<Listener>();

  emit<E extends EventName>(event: E, payload: ApiEvents[E]): void {
    for (const listener of this.listeners) listener(event, payload);
  }

  /** Returns the function that unsubscribes. */
  listen(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
