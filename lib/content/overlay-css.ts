/** Styles of the overlay bar, inside each overlay's shadow root. */
export const OVERLAY_CSS = `
:host { all: initial; display: block; margin: 4px 0; }
.fr-bar { all: unset; box-sizing: border-box; display: inline-flex; align-items: center; gap: 6px; max-width: 100%;
  flex-wrap: wrap; padding: 2px 8px; border-radius: 999px; border: 1px solid #d0d7de; background: #fff; color: #1f2328;
  font: 12px/18px system-ui, sans-serif; cursor: pointer; }
.fr-bar:hover, .fr-bar:focus-visible { border-color: #0969da; outline: none; box-shadow: 0 0 0 2px #0969da33; }
.fr-sentiment::before { content: ''; display: inline-block; width: 8px; height: 8px; margin-right: 6px; border-radius: 50%; background: #8c959f; }
.fr-negative .fr-sentiment::before { background: #cf222e; } .fr-positive .fr-sentiment::before { background: #1a7f37; }
.fr-chips { display: contents; }
.fr-negative .fr-sentiment { color: #cf222e; } .fr-positive .fr-sentiment { color: #1a7f37; }
.fr-chip { padding: 0 6px; border-radius: 4px; background: #ddf4ff; color: #0550ae; }
.fr-competitor { background: #fff8c5; color: #7d4e00; } .fr-own { background: #eaeef2; color: #57606a; }
.fr-age-over { color: #cf222e; font-weight: 600; } .fr-age-due { color: #9a6700; }
.fr-history { color: #57606a; }
.fr-intent { background: #f6f8fa; color: #57606a; }
.fr-urgent { background: #ffebe9; color: #a40e26; font-weight: 600; } .fr-urgency-3 { background: #cf222e; color: #fff; }
.fr-history:empty, .fr-age:empty { display: none; }
`;
