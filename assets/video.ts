/** Swap a click-to-load video link for the youtube-nocookie player; nothing is fetched before the click. */
export function initVideos(root: ParentNode): void {
  for (const figure of root.querySelectorAll<HTMLElement>("figure[data-video-src]")) {
    const link = figure.querySelector<HTMLAnchorElement>(".video-play");
    if (!link) continue;
    link.addEventListener("click", (event) => {
      event.preventDefault();
      const iframe = document.createElement("iframe");
      iframe.src = figure.dataset.videoSrc!;
      iframe.title = figure.dataset.videoTitle ?? "Video";
      iframe.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
      iframe.referrerPolicy = "strict-origin-when-cross-origin";
      link.replaceWith(iframe);
      iframe.focus();
    });
  }
}
