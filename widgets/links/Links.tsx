import { Box } from "../shared/Box.tsx";
import type { WebLink } from "./data.ts";

export function Links({ links }: { links: WebLink[] }) {
  return (
    <Box id="lien-ket" title="Liên kết web" widget="links">
      <ul class="web-links">
        {links.map((link) =>
          link.external ? (
            <li>
              <a class="external" href={link.url} rel="noopener">
                {link.title}
                <span class="visually-hidden"> (trang bên ngoài)</span>
                <svg class="external-icon" viewBox="0 0 12 12" width="12" height="12" aria-hidden="true" focusable="false">
                  <path d="M5 1H1v10h10V7M7 1h4v4M11 1 5 7" />
                </svg>
              </a>
            </li>
          ) : (
            <li>
              <a href={link.url}>{link.title}</a>
            </li>
          ),
        )}
      </ul>
    </Box>
  );
}
