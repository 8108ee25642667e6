import type { PreparesFor } from '../../shared/calendar/day-plan';

/** What the day before a Bill Run says of tomorrow's set, as plain notes (not errors), on Today and Labels alike. */
export function PreparesNotes({ prepares }: { prepares: PreparesFor }) {
  return (
    <>
      <p className="notice prepares" role="note">
        {prepares.note}
      </p>
      {prepares.weekendBillRun && (
        <p className="notice weekend" role="note">
          {prepares.weekendBillRun}
        </p>
      )}
    </>
  );
}
