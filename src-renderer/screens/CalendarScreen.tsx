import { useState } from 'react';
import type { CalendarDay } from '../../shared/calendar/calendar-day';
import { ErrorBox } from '../components/ErrorBox';
import { useConsole } from '../stores/console-store';
import { exportIcs, loadDay, loadMonth } from '../stores/day-actions';
import { showScreen } from '../stores/session-actions';
import type { ShownError } from '../stores/shown-error';
import { longDate, monthTitle, shiftMonth } from '../format';
import '../styles/day.css';

const weekdays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The month as weeks of seven cells, Sunday first; null pads the first and last week. */
function weeksOf(days: CalendarDay[]): (CalendarDay | null)[][] {
  const first = days[0];
  if (!first) return [];
  const lead = weekdays.findIndex((name) => name.toLowerCase() === first.weekday);
  const cells: (CalendarDay | null)[] = [...Array<null>(lead).fill(null), ...days];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (CalendarDay | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

function DayCell({ day, selected }: { day: CalendarDay; selected: boolean }) {
  return (
    <td className={`${day.kind}${selected ? ' selected' : ''}`} data-date={day.date} data-kind={day.kind}>
      <button
        type="button"
        className="day-link"
        onClick={() => {
          void loadDay(day.date);
          showScreen('today');
        }}
      >
        <span className="sr-only">{longDate(day.date)}: </span>
        <span className="day-no" aria-hidden="true">
          {Number(day.date.slice(8))}
        </span>
        {day.kind === 'billrun' ? <span className="tag billrun">Bill Run</span> : <span className="tag daily">{day.dailyTape}</span>}
        {day.weekendBillRun && <span className="tag weekend">Weekend Bill Run</span>}
        {day.courierPickup && <span className="tag courier">Courier pickup</span>}
        {day.notes.length > 0 && <span className="tag note">set by profile*</span>}
      </button>
    </td>
  );
}

export function CalendarScreen() {
  const month = useConsole((s) => s.month);
  const calendar = useConsole((s) => s.calendar);
  const calendarError = useConsole((s) => s.calendarError);
  const selectedDate = useConsole((s) => s.date);
  const [months, setMonths] = useState(12);
  const [withDaily, setWithDaily] = useState(false);
  const [exportError, setExportError] = useState<ShownError | null>(null);
  if (!month) return null;
  const dailyExample = calendar?.days.find((day) => day.dailyTape !== undefined)?.dailyTape;

  return (
    <>
      <h1>Calendar</h1>
      <div className="day-controls">
        <button type="button" onClick={() => void loadMonth(shiftMonth(month, -1))}>
          Previous month
        </button>
        <div className="field">
          <label htmlFor="month">Month</label>
          <input id="month" type="month" value={month} onChange={(e) => /^\d{4}-\d{2}$/.test(e.target.value) && void loadMonth(e.target.value)} />
        </div>
        <button type="button" onClick={() => void loadMonth(shiftMonth(month, 1))}>
          Next month
        </button>
        <div className="field">
          <label htmlFor="ics-months">Months to export</label>
          <select id="ics-months" value={months} onChange={(e) => setMonths(Number(e.target.value))}>
            {[1, 3, 6, 12, 24].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
        <label className="export-daily">
          <input type="checkbox" checked={withDaily} onChange={(e) => setWithDaily(e.target.checked)} />
          An event for each daily backup day too
        </label>
        <button type="button" className="primary" onClick={async () => setExportError(await exportIcs(month, months, withDaily))}>
          Export to mail calendar (.ics)
        </button>
      </div>
      <p className="help" id="export-help">
        The export has one event per Bill Run day and one per courier pickup; each names that day's DAILY tape.
        {withDaily ? ' With an event for each daily backup day as well.' : ''}
      </p>
      {exportError && <ErrorBox error={exportError} />}
      {calendarError && <ErrorBox error={calendarError} />}
      {calendar && (
        <section className="card" aria-labelledby="month-heading">
          <h2 id="month-heading">{monthTitle(calendar.month)}</h2>
          <p className="legend">
            <span>Bill Run days: {calendar.billRunDays.map((d) => Number(d.slice(8))).join(', ')}</span>
            <span>
              On other days, the tape of that morning's daily backup
              {dailyExample ? ` (such as ${dailyExample})` : ''}
            </span>
            <span>Courier pickups on the courier's weekday</span>
          </p>
          <p className="notice weekend" role="note" data-testid="weekend-rule">
            {calendar.weekendRule}{' '}
            {calendar.weekendBillRuns.length === 0
              ? 'No Bill Run this month falls at a weekend.'
              : `This month: ${calendar.weekendBillRuns.map((date) => longDate(date)).join('; ')}.`}
          </p>
          <table className="month-grid">
            <thead>
              <tr>
                {weekdays.map((day) => (
                  <th key={day} scope="col">
                    {day}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {weeksOf(calendar.days).map((week, i) => (
                <tr key={i}>
                  {week.map((day, j) => (day ? <DayCell key={day.date} day={day} selected={day.date === selectedDate} /> : <td key={`pad-${j}`} className="outside" />))}
                </tr>
              ))}
            </tbody>
          </table>
          {calendar.notes.map((note) => (
            <p key={note} className="notice setting" role="note">
              * {note}
            </p>
          ))}
        </section>
      )}
    </>
  );
}
