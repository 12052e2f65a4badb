/** Click-to-load: swap the YouTube link for the player only when the reader asks. */
export default function init(): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>("[data-widget=video] a[data-youtube]")) {
    link.addEventListener("click", (event) => {
      event.preventDefault();
      const frame = document.createElement("iframe");
      frame.src = `https://www.youtube-nocookie.com/embed/${encodeURIComponent(link.dataset.youtube ?? "")}?autoplay=1`;
      frame.title = link.dataset.title ?? "Video";
      frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
      frame.allowFullscreen = true;
      link.replaceWith(frame);
      frame.focus();
    });
  }
}
