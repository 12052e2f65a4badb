/**
 * Which GitHub repository the editor UI at /admin/ commits to. A deploy build must know it: an
 * editor UI that points at the local test server (localhost:8081) would ship looking fine and
 * save nothing. Sources, first found wins:
 *   CMS_GITHUB_REPO    set by hand (owner/name), e.g. when content lives in another repository
 *   GITHUB_REPOSITORY  set by GitHub Actions on every step
 *   REPOSITORY_URL     set by Netlify on its builds (used when it is a GitHub address)
 */
export class CmsRepositoryError extends Error {
  override name = "CmsRepositoryError";
}

const OWNER_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;

/** "owner/name" from a GitHub address (https, ssh or git@), without ".git". */
function fromUrl(url: string): string | undefined {
  const match = /^(?:https?:\/\/|ssh:\/\/git@|git@)github\.com[/:]([^/]+\/[^/]+?)(?:\.git)?\/?$/i.exec(url.trim());
  return match?.[1];
}

/** True on the machines that build for the live site: GitHub Actions and Netlify. */
function isDeployBuild(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.GITHUB_ACTIONS === "true" || env.NETLIFY === "true";
}

/**
 * The repository, or undefined where none is needed (a local build, whose editor UI works with
 * `npx decap-server`). Throws a CmsRepositoryError (in Vietnamese: it ends a build) for a
 * malformed CMS_GITHUB_REPO, or for a deploy build that cannot tell its repository.
 */
export function cmsRepository(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const explicit = env.CMS_GITHUB_REPO?.trim();
  if (explicit !== undefined && explicit !== "") {
    const repo = fromUrl(explicit) ?? explicit;
    if (!OWNER_NAME.test(repo)) {
      throw new CmsRepositoryError(
        `CMS_GITHUB_REPO="${explicit}" không phải tên kho GitHub: viết dạng chủ-sở-hữu/tên-kho, đúng như trong địa chỉ https://github.com/chủ-sở-hữu/tên-kho.`,
      );
    }
    return repo;
  }
  const found = [env.GITHUB_REPOSITORY?.trim(), fromUrl(env.REPOSITORY_URL ?? "")].find((r) => r && OWNER_NAME.test(r));
  if (found) return found;
  if (isDeployBuild(env)) {
    throw new CmsRepositoryError(
      "Không xác định được kho GitHub cho trang quản trị /admin/: bản dựng này chạy trên GitHub Actions hoặc Netlify " +
        `nhưng không có GITHUB_REPOSITORY, REPOSITORY_URL là địa chỉ GitHub${env.REPOSITORY_URL ? ` (đang là "${env.REPOSITORY_URL}")` : ""}, hay CMS_GITHUB_REPO. ` +
        "Đặt biến môi trường CMS_GITHUB_REPO=chủ-sở-hữu/tên-kho cho bản dựng rồi dựng lại. " +
        "Trang không được xuất bản với trang quản trị trỏ về máy thử localhost.",
    );
  }
  return undefined;
}
