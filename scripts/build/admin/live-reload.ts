/**
 * A development server may inject its live-reload client into every HTML page (Eleventy's does, into
 * any text/html response). In the editor that client reloads or re-renders the page on each rebuild:
 * the editor blanks and a half-written article can be lost. Such clients listen to their server over a
 * WebSocket (Eleventy) or an EventSource to this page's own host; the editor itself uses neither, so
 * refusing those is enough. This runs before any injected module script (classic scripts run first).
 */
export function blockLiveReload(win: Window & typeof globalThis = window): void {
  for (const name of ["WebSocket", "EventSource"] as const) {
    const Native = win[name] as unknown as (new (url: string | URL, options?: unknown) => object) | undefined;
    if (!Native) continue;
    const Guarded = function (url: string | URL, options?: unknown) {
      if (new URL(String(url), win.location.href).hostname === win.location.hostname) {
        throw new DOMException("The editor UI does not take live reloads", "SecurityError");
      }
      return new Native(url, options);
    };
    Guarded.prototype = Native.prototype;
    for (const state of ["CONNECTING", "OPEN", "CLOSING", "CLOSED"]) {
      if (state in Native) Object.defineProperty(Guarded, state, { value: (Native as unknown as Record<string, number>)[state] });
    }
    Object.defineProperty(win, name, { value: Guarded, configurable: true, writable: true });
  }
}
