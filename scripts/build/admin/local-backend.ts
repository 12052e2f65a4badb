const RETRY_MS = 2000;

async function reachable(api: string): Promise<boolean> {
  try {
    const response = await fetch(api, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ action: "info" }) });
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * On a computer without GitHub login, the editor UI reads and writes the files through decap-server.
 * Without it Decap would "log in" and then fail with "Failed to fetch": say instead what to start,
 * and carry on by itself once it answers.
 */
export async function waitForLocalBackend(api: string): Promise<void> {
  if (await reachable(api)) return;
  const notice = document.createElement("div");
  notice.setAttribute("role", "alert");
  notice.id = "can-decap-server";
  Object.assign(notice.style, { maxWidth: "40rem", margin: "4rem auto", padding: "1.5rem", font: "16px/1.5 system-ui, sans-serif", border: "2px solid #b45309", borderRadius: "8px", background: "#fffbeb" });
  const port = new URL(api).port || "8081";
  notice.innerHTML =
    `<h1 style="font-size:1.25rem;margin-top:0">Chưa chạy decap-server</h1>` +
    `<p>Trang quản trị trên máy này đọc và lưu bài qua chương trình <strong>decap-server</strong>, nhưng chưa kết nối được với nó (cổng ${port}).</p>` +
    `<p>Mở thêm một cửa sổ dòng lệnh trong thư mục dự án và chạy:</p>` +
    `<pre style="background:#fff;padding:.5rem 1rem;border:1px solid #ddd">${port === "8081" ? "" : `PORT=${port} `}npx decap-server</pre>` +
    `<p>Trang này tự tiếp tục khi decap-server đã chạy; không cần tải lại.</p>`;
  document.body.append(notice);
  while (!(await reachable(api))) await new Promise((r) => setTimeout(r, RETRY_MS));
  notice.remove();
}
