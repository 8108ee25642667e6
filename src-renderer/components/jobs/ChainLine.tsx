import type { ChainView } from '../../../shared/api';
import { toneWords } from './job-format';

/** A chain in one line, in its tone's colour and words (never colour alone), with the way to the Jobs screen. */
export function ChainLine({ chain, onOpen, openLabel }: { chain: ChainView; onOpen?: () => void; openLabel?: string }) {
  const tone = toneWords[chain.tone];
  return (
    <div className={`chain-line tone-${chain.tone}`} data-testid="chain-line" data-tone={chain.tone} data-chain={chain.id}>
      <p>
        <strong className="chain-tone">
          <span aria-hidden="true">{tone.mark} </span>
          {tone.words}:
        </strong>{' '}
        <span className="chain-summary">{chain.summary}</span>
      </p>
      {onOpen && (
        <button type="button" onClick={onOpen}>
          {openLabel ?? 'Open the Jobs screen'}
        </button>
      )}
    </div>
  );
}
