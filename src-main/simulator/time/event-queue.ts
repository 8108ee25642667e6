/**
 * Everything that happens on the site by itself (a job step ending, a scheduled submission) is an
 * event at a simulated instant. Nothing runs on timers: before any command looks at the site, the
 * site plays every event due by now, in order. So a fake clock moved by twelve hours plays a whole
 * Bill Run in one call, deterministically.
 */
export interface SimEvent {
  at: number;
  seq: number;
  run: () => void;
}

export class EventQueue {
  private events: SimEvent[] = [];
  private seq = 0;
  private playing = false;

  schedule(at: Date, run: () => void): void {
    this.events.push({ at: at.getTime(), seq: this.seq++, run });
  }

  /** The earliest pending event time, or null. */
  next(): number | null {
    let best: SimEvent | undefined;
    for (const event of this.events) if (best === undefined || before(event, best)) best = event;
    return best?.at ?? null;
  }

  /**
   * Plays every event due at or before `now`, including those the played events schedule.
   * `setTime` is told each event's instant first, so that what it does is stamped with its own time.
   */
  playUntil(now: number, setTime: (at: number | null) => void): void {
    if (this.playing) return;
    this.playing = true;
    try {
      for (;;) {
        let index = -1;
        for (let i = 0; i < this.events.length; i += 1) {
          const event = this.events[i] as SimEvent;
          if (event.at <= now && (index < 0 || before(event, this.events[index] as SimEvent))) index = i;
        }
        if (index < 0) break;
        const [event] = this.events.splice(index, 1) as [SimEvent];
        setTime(event.at);
        event.run();
      }
    } finally {
      setTime(null);
      this.playing = false;
    }
  }
}

function before(a: SimEvent, b: SimEvent): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}
