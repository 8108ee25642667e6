import type { TimelineEntry } from '../../shared/calendar/job-timeline';

const typeWords: Record<TimelineEntry['type'], string> = {
  billing: 'Billing',
  'disk-to-disk': 'Disk to disk',
  'disk-to-tape': 'Disk to tape',
  'disk-to-disk-and-tape': 'Disk to disk and disk to tape',
  housekeeping: 'Housekeeping',
  'tape-preparation': 'Tape preparation',
};

export function JobTimeline({ entries }: { entries: TimelineEntry[] }) {
  return (
    <table className="grid" aria-label="Jobs of the day">
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Job</th>
          <th scope="col">Queue</th>
          <th scope="col">Type</th>
          <th scope="col">Tapes</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.job} data-job={entry.job}>
            <td>{entry.when.text}</td>
            <td>
              <code>{entry.job}</code>
              <div className="help">
                {entry.title} — {entry.host}
              </div>
              {entry.notes.map((note) => (
                <div className="help" key={note}>
                  {note}
                </div>
              ))}
            </td>
            <td>
              <code>{entry.queue}</code>
            </td>
            <td>{typeWords[entry.type]}</td>
            <td>{entry.tapes?.join(', ') ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
