import driveFrontSvg from '../../assets/illustrations/tz887-front.svg?raw';

export type DrivePart = 'eject' | 'load' | 'door';

/** What to do with each part, in the plan's terms, and how the part is named in words. */
const PARTS: Record<DrivePart, { action: string; name: string }> = {
  eject: { action: 'Press Eject: the door opens.', name: 'the Eject button' },
  load: { action: 'Press Load: the drive loads the top tape.', name: 'the Load button' },
  door: { action: 'The door: the magazine comes out and goes back in here. Close it before pressing Load.', name: 'the door' },
};

/**
 * The drive's front, drawn inline from the illustration in assets/illustrations/ (our own file,
 * with no script, style or external reference), so that a class on the figure can outline one part
 * (`.drive-front.highlight-eject #eject-button` in styles.css) without touching the drawing. The
 * caption says in words what to press and which part is outlined: the outline is never the only cue.
 * `model` is the drive's model as the site profile names it.
 */
export function DriveFront({ highlight, model }: { highlight?: DrivePart | undefined; model?: string | undefined }) {
  const part = highlight ? PARTS[highlight] : undefined;
  return (
    <figure className={part ? `drive-front highlight-${highlight}` : 'drive-front'} data-highlight={highlight ?? ''}>
      <div className="drive-front-art" dangerouslySetInnerHTML={{ __html: driveFrontSvg }} />
      <figcaption>
        {part ? (
          <>
            <strong className="drive-front-action">{part.action}</strong>{' '}
            <span className="drive-front-marked">Outlined in the drawing (thick dashed line): {part.name}.</span>
          </>
        ) : (
          <span className="drive-front-action">{model ? `The ${model}'s front` : "The drive's front"}: the magazine door, the Eject button and the Load button.</span>
        )}
      </figcaption>
    </figure>
  );
}
