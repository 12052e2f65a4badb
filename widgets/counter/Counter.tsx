import { Time } from "../../layouts/components.tsx";
import { Box } from "../shared/Box.tsx";
import type { CounterData } from "./data.ts";
import { formatCount } from "./format-count.ts";


/** Build-time figures; client.ts replaces them with live ones when it can. */
export function Counter({ data }: { data: CounterData }) {
  return (
    <Box id="thong-ke" title="Thống kê truy cập" widget="counter" attrs={{ "data-api": data.api }}>
      <dl class="counter">
        <div>
          <dt>Lượt truy cập:</dt>
          <dd data-counter-total>{formatCount(data.total)}</dd>
        </div>
        <div data-counter-recent-row hidden>
          <dt>Lượt xem 5 phút qua:</dt>
          <dd data-counter-recent></dd>
        </div>
      </dl>
      <p class="counter-note" data-counter-note>
        {data.asOf ? (
          <>
            Số liệu lúc <Time date={data.asOf} format="dateTime" />
          </>
        ) : (
          "Số liệu của trang web cũ"
        )}
      </p>
    </Box>
  );
}
