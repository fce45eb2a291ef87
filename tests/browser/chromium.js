// Shared by the console tests: Debian's headless Chromium through
// playwright-core, one page, script errors collected, and no request
// allowed off this server (nothing may leave the machine).
"use strict";
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { chromium } = require("playwright-core");

const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];

// -> { context, page, consoleErrors, shot(name) }
async function launch(url, artifacts) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "nearmiss-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium", headless: true, args: FLAGS,
    viewport: { width: 1366, height: 860 },
  });
  const page = context.pages()[0] || await context.newPage();
  const consoleErrors = [];
  page.on("console", (m) => { if (m.type() === "error") consoleErrors.push(m.text()); });
  page.on("pageerror", (e) => consoleErrors.push(String(e)));
  await context.route("**/*", (route) => route.request().url().startsWith(url) ? route.continue() : route.abort());
  const shot = (name) => page.screenshot({ path: path.join(artifacts, name), fullPage: true });
  return { context, page, consoleErrors, shot };
}

// Registers the browser's start and stop with node:test; the returned
// object gets { context, page, consoleErrors, shot } before the first test.
// The URL and the screenshot folder come from NEARMISS_URL and ARTIFACTS.
function useBrowser(test) {
  const b = { url: process.env.NEARMISS_URL, token: process.env.NEARMISS_ADMIN_TOKEN };
  test.before(async () => Object.assign(b, await launch(b.url, process.env.ARTIFACTS)));
  test.after(async () => { if (b.context) await b.context.close(); });
  return b;
}

module.exports = { launch, useBrowser };
