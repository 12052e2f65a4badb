import { Time } from "../../layouts/components.tsx";
import { Box } from "../shared/Box.tsx";
import type { AnnouncementsData } from "./data.ts";

export function Announcements({ data }: { data: AnnouncementsData }) {
  return (
    <Box id="thong-bao" title="Thông báo" widget="announcements">
      {data.items.length === 0 ? (
        <p class="widget-empty">Chưa có thông báo.</p>
      ) : (
        <ul class="announcements">
          {data.items.map((item) => (
            <li>
              <a href={item.url}>{item.title}</a>{" "}
              <span class="announcement-meta">
                <Time date={item.date} />
                {item.isNew && <strong class="badge-new">Mới</strong>}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p class="widget-more">
        <a href={data.listUrl}>Xem tất cả thông báo</a>
      </p>
    </Box>
  );
}
