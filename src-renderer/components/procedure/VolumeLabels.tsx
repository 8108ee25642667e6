import type { SlotPlan } from '../../../shared/procedures/procedure-types';
import '../../styles/procedures.css';

/** Each tape's paper code beside the volume label it gets when initialised (six characters, the profile's rule). */
export function VolumeLabels({ slots }: { slots: readonly SlotPlan[] }) {
  const tapes = slots.filter((s) => s.code !== null && s.volume !== undefined);
  if (tapes.length === 0) return null;
  return (
    <table className="grid volume-labels">
      <caption>Paper label and volume label of each tape</caption>
      <thead>
        <tr>
          <th scope="col">Slot</th>
          <th scope="col">Paper label</th>
          <th scope="col">Volume label</th>
        </tr>
      </thead>
      <tbody>
        {tapes.map((s) => (
          <tr key={s.slot}>
            <td>{s.slot}</td>
            <td>
              <code>{s.code}</code>
            </td>
            <td>
              <code>{s.volume}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
