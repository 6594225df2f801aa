/** Resolves at the next animation frame, or soon when the page is hidden (frames stop there). */
export function nextFrame(win: Window = window): Promise<void> {
  return new Promise((resolve) => {
    if (win.document.visibilityState === 'hidden') win.setTimeout(resolve, 16);
    else win.requestAnimationFrame(() => resolve());
  });
}

/** Gives the page's own work a turn between slices of ours. */
export function yieldToPage(win: Window = window): Promise<void> {
  return new Promise((resolve) => win.setTimeout(resolve, 0));
}
