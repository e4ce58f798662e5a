import { existsSync } from "node:fs";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

/**
 * The Chromium to drive with playwright-core (`CHROMIUM_PATH`, else Debian's
 * `chromium`), and the reason a test must skip when there is none.
 */
export const CHROMIUM = (() => {
  const fromEnv = process.env.CHROMIUM_PATH;
  const path = fromEnv ?? CANDIDATES.find((candidate) => existsSync(candidate));
  const missing: string | false =
    path !== undefined && existsSync(path)
      ? false
      : `needs Chromium (apt-get install chromium, or set CHROMIUM_PATH), which is not on this machine`;
  return { path: path ?? "", missing };
})();

/** Flags for a headless Chromium that stays off the network and out of the sandbox it cannot have in a container. */
export const CHROMIUM_ARGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];
