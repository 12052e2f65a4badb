/**
 * A development server may inject its live-reload client into every HTML page (Eleventy's does, into
 * any text/html response). In the editor that client reloads or re-renders the page on each rebuild:
 * the editor blanks and a half-written article can be lost. The client talks to its server over a
 * WebSocket to this page's own host; the editor itself never uses one, so refusing those is enough.
 * This runs before the injected module script (classic scripts in <body> run first).
 */
export function blockLiveReload(win: Window & typeof globalThis = window): void {
  const Native = win.WebSocket;
  if (!Native) return;
  const Guarded = function (this: unknown, url: string | URL, protocols?: string | string[]) {
    const target = new URL(String(url), win.location.href);
    if (target.hostname === win.location.hostname) {
      throw new DOMException("The editor UI does not take live reloads", "SecurityError");
    }
    return new Native(url, protocols);
  } as unknown as typeof WebSocket;
  Object.assign(Guarded, { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3, prototype: Native.prototype });
  Object.defineProperty(win, "WebSocket", { value: Guarded, configurable: true, writable: true });
}
