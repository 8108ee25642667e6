import { useState } from 'react';
import { loadDay } from '../stores/day-actions';
import { useConsole } from '../stores/console-store';
import { shiftDate } from '../format';

/** The day to plan: today by default, any other day to plan ahead. */
export function DayPicker() {
  const date = useConsole((s) => s.date);
  const today = useConsole((s) => s.info?.today ?? null);
  const [typed, setTyped] = useState<string | null>(null);
  if (!date) return null;
  return (
    <div className="day-controls">
      <div className="field">
        <label htmlFor="day">Day</label>
        <input
          id="day"
          type="date"
          value={typed ?? date}
          onChange={(e) => {
            setTyped(e.target.value);
            // while a year is being typed the field passes through 0002, 0020, 0201: only a whole date is planned
            if (/^[1-9]\d{3}-\d{2}-\d{2}$/.test(e.target.value)) {
              setTyped(null);
              void loadDay(e.target.value);
            }
          }}
        />
      </div>
      <button type="button" onClick={() => void loadDay(shiftDate(date, -1))}>
        Previous day
      </button>
      <button type="button" onClick={() => void loadDay(today)} disabled={date === today}>
        Back to today
      </button>
      <button type="button" onClick={() => void loadDay(shiftDate(date, 1))}>
        Next day
      </button>
    </div>
  );
}
