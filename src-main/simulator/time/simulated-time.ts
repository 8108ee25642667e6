/**
 * Simulated time: the site's own clock, running `3600 / secondsPerSimulatedHour` times faster
 * than the injected Clock (DESIGN rule 6). Tests pass a fake Clock and move it; the demo passes
 * the system clock and a time scale so that a Bill Run day goes by in minutes.
 */
import type { Clock } from '../../../shared/clock';

export class SimulatedTime {
  private readonly realStart: number;
  private readonly simulatedStart: number;
  /** Simulated milliseconds per real millisecond. */
  readonly speed: number;

  constructor(
    private readonly clock: Clock,
    secondsPerSimulatedHour: number,
    startAt: Date,
  ) {
    if (!(secondsPerSimulatedHour > 0)) throw new RangeError('secondsPerSimulatedHour must be a positive number');
    this.realStart = clock.now().getTime();
    this.simulatedStart = startAt.getTime();
    this.speed = 3600 / secondsPerSimulatedHour;
  }

  now(): Date {
    return new Date(this.simulatedStart + (this.clock.now().getTime() - this.realStart) * this.speed);
  }

  /** Real milliseconds until a simulated instant (0 when it has passed). */
  realDelayUntil(at: Date): number {
    return Math.max(0, (at.getTime() - this.now().getTime()) / this.speed);
  }
}
