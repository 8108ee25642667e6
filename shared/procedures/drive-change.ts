/**
 * A sensed step of the drive is a change, not a state: what the console reads (SHOW DEVICE/FULL)
 * shows whether a tape is loaded, and "no tape loaded" alone does not show that Eject was pressed.
 */
import type { BeforeReading, SenseReading } from './run-view';

/** When a reading was taken, as the step card and the record say it: "07:01:02". */
function clockTime(at: string): string {
  return at.slice(11, 19);
}

/**
 * A sensed change of the drive: the state it starts from seen in this step (`before`), then the
 * state it ends in. The end state alone proves nothing (a drive already empty shows "no tape
 * loaded" whether or not Eject was pressed), so without the start the person confirms it.
 */
export function driveChange(
  step: { model: string; before: BeforeReading | null },
  drive: { words: string; online: boolean; loaded: boolean },
  wanted: 'unloaded' | 'loaded',
  at: string,
): Omit<SenseReading, 'at'> {
  const { model, before } = step;
  const read = drive.words;
  const ended = wanted === 'unloaded' ? !drive.loaded : drive.online && drive.loaded;
  const act = wanted === 'unloaded' ? 'Eject' : 'Load';
  if (!ended) {
    const advice =
      wanted === 'unloaded'
        ? `press Eject on the ${model}; the console sees it when the tape it sees now is unloaded.`
        : drive.online
          ? `close the door and press Load; the console sees the tape when the drive has loaded it.`
          : `the drive is offline; check the door is closed and the magazine is in.`;
    return { satisfied: false, detail: `${read}: ${advice}`, read, before: true };
  }
  if (before !== null) {
    const change = `${before.read} at ${clockTime(before.at)}, then ${read} at ${clockTime(at)}`;
    return { satisfied: true, detail: `${change}: ${act} was pressed.`, read: change };
  }
  const already = wanted === 'unloaded' ? 'no tape was loaded' : 'a tape was already loaded';
  return {
    satisfied: false,
    detail: `${read}: ${already} when this step began, so the console cannot see ${act} pressed. Press ${act} on the ${model}, then confirm it yourself.`,
    read,
    personConfirms: true,
  };
}
