import type { SentimentLabel } from '../lib/schemas/post';
import { ageStatus } from '../lib/format';

export interface OverlayProps {
  sentiment: SentimentLabel;
  score: number;
  brands: string[];
  competitorBrands: string[];
  ownBrand: boolean;
  publishedAt?: string;
  targetMinutes: number;
  /** Past interactions with this customer; undefined while unknown. */
  historyCount?: number;
  onOpen: () => void;
}

const SENTIMENT_TEXT: Record<SentimentLabel, string> = { negative: 'Negative', neutral: 'Neutral', positive: 'Positive' };

/** The small bar Firstreply puts on a post: sentiment, brands, age against target, history. */
export function Overlay(props: OverlayProps) {
  const age = ageStatus(props.publishedAt, props.targetMinutes);
  return (
    <button class={`fr-bar fr-${props.sentiment}`} type="button" title="Open in Firstreply" onClick={props.onOpen}>
      <span class="fr-dot" aria-hidden="true" />
      <span class="fr-sentiment">{SENTIMENT_TEXT[props.sentiment]}</span>
      {props.brands.map((b) => (
        <span class="fr-chip" key={b}>{b}</span>
      ))}
      {props.competitorBrands.map((b) => (
        <span class="fr-chip fr-competitor" key={b} title="Competitor">{b}</span>
      ))}
      {props.ownBrand && <span class="fr-chip fr-own">Our post</span>}
      {age && (
        <span class={`fr-age fr-age-${age.status}`} title={`Target: answer within ${props.targetMinutes} min`}>
          {age.age}
          {age.status === 'over' ? ' · over target' : ''}
        </span>
      )}
      <span class="fr-history">
        {props.historyCount === undefined ? '' : props.historyCount === 0 ? 'New customer' : `${props.historyCount} past`}
      </span>
    </button>
  );
}

export const OVERLAY_CSS = `
:host { all: initial; display: block; margin: 4px 0; }
.fr-bar { all: unset; box-sizing: border-box; display: inline-flex; align-items: center; gap: 6px; max-width: 100%;
  flex-wrap: wrap; padding: 2px 8px; border-radius: 999px; border: 1px solid #d0d7de; background: #fff; color: #1f2328;
  font: 12px/18px system-ui, sans-serif; cursor: pointer; }
.fr-bar:hover, .fr-bar:focus-visible { border-color: #0969da; outline: none; box-shadow: 0 0 0 2px #0969da33; }
.fr-dot { width: 8px; height: 8px; border-radius: 50%; background: #8c959f; }
.fr-negative .fr-dot { background: #cf222e; } .fr-positive .fr-dot { background: #1a7f37; }
.fr-negative .fr-sentiment { color: #cf222e; } .fr-positive .fr-sentiment { color: #1a7f37; }
.fr-chip { padding: 0 6px; border-radius: 4px; background: #ddf4ff; color: #0550ae; }
.fr-competitor { background: #fff8c5; color: #7d4e00; } .fr-own { background: #eaeef2; color: #57606a; }
.fr-age-over { color: #cf222e; font-weight: 600; } .fr-age-due { color: #9a6700; }
.fr-history { color: #57606a; }
.fr-history:empty { display: none; }
`;
