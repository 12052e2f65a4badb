/** A random quote on each page, and another on request; no timed rotation to chase. */
export default function init(): void {
  for (const box of document.querySelectorAll<HTMLElement>("[data-widget=quotes]")) {
    const quotes = [...box.querySelectorAll<HTMLElement>("[data-quote]")];
    const next = box.querySelector<HTMLButtonElement>("[data-quote-next]");
    if (quotes.length < 2 || !next) continue;
    let shown = quotes.findIndex((q) => !q.hidden);
    const show = (i: number) => {
      quotes[shown]!.hidden = true;
      quotes[i]!.hidden = false;
      shown = i;
    };
    show((shown + 1 + Math.floor(Math.random() * (quotes.length - 1))) % quotes.length);
    // Announce only the changes the reader asks for, not the pick at load.
    box.querySelector("[data-quotes]")?.setAttribute("aria-live", "polite");
    next.hidden = false;
    next.addEventListener("click", () => show((shown + 1) % quotes.length));
  }
}
