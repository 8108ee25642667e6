import { useEffect, useState } from 'react';
import { useConsole } from '../../stores/console-store';
import { consoleNowMs } from '../../stores/slices/jobs';

/** Main's clock now, counted on every second so "14 s ago" keeps moving; null before main has told a time. */
export function useConsoleNow(): number | null {
  const reading = useConsole((s) => s.consoleClock);
  const [localMs, setLocalMs] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setLocalMs(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return consoleNowMs(reading, Math.max(localMs, reading?.localMs ?? 0));
}
