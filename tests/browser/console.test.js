// The console in Debian's headless Chromium: sign-in, dashboard, check,
// audit, and the held queue's delete and release behind confirmations, on a
// laptop and a phone viewport. run.sh sets the environment.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { chromium } = require("playwright-core");

const URL = process.env.NEARMISS_URL;
const TOKEN = process.env.NEARMISS_ADMIN_TOKEN;
const ARTIFACTS = process.env.ARTIFACTS;
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];

let context;
let page;
const consoleErrors = [];

test.before(async () => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "nearmiss-chromium-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium", headless: true, args: FLAGS,
    viewport: { width: 1366, height: 860 },
  });
  page = context.pages()[0] || await context.newPage();
  page.on("console", (m) => { if (m.type() === "error") consoleErrors.push(m.text()); });
  page.on("pageerror", (e) => consoleErrors.push(String(e)));
  // Nothing may leave the machine: fail any request that is not ours.
  await context.route("**/*", (route) => route.request().url().startsWith(URL) ? route.continue() : route.abort());
});

test.after(async () => { if (context) await context.close(); });

const shot = (name) => page.screenshot({ path: path.join(ARTIFACTS, name), fullPage: true });

test("sign-in refuses a bad token and accepts the admin token", async () => {
  await page.goto(URL + "/");
  await page.waitForSelector("#login[open]");
  await shot("01-sign-in.png");
  await page.fill("#token", "not-the-right-token-123");
  await page.click("#login-form button[type=submit]");
  await page.waitForSelector("#login-error:not([hidden])");
  await page.fill("#token", TOKEN);
  await page.click("#login-form button[type=submit]");
  await page.waitForSelector("#login", { state: "hidden" });
});

test("dashboard shows decisions, classes and the top look-alikes", async () => {
  await page.waitForSelector("text=Decisions over time");
  await page.waitForSelector("td.mono >> text=army.ml");
  const stats = await page.locator(".stat .value").allTextContents();
  assert.ok(Number(stats[0]) >= 4, `messages checked: ${stats[0]}`);
  assert.equal(stats[3], "2", "two held");
  assert.equal(await page.locator("#held-count").textContent(), "2");
  await shot("02-dashboard.png");
});

test("check an address shows the suggestion", async () => {
  await page.click("a.tab[data-view=check]");
  await page.fill("#check-input", "Bob <bob@army.ml>, carol@army.mil");
  await page.click("form.check-box button");
  await page.waitForSelector(".suggest >> text=bob@army.mil");
  assert.equal(await page.locator(".result").count(), 2);
  await shot("03-check.png");
});

test("audit search finds the look-alike decisions", async () => {
  await page.click("a.tab[data-view=audit]");
  await page.waitForSelector("tbody tr");
  await page.selectOption("select[name=verdict]", "lookalike");
  await page.click("form.filters button[type=submit]");
  // Poll from here: page.waitForFunction would need eval, which the
  // console's Content-Security-Policy rightly forbids.
  for (let i = 0; i < 50; i++) {
    const rows = await page.locator("tbody tr").allTextContents();
    if (rows.length && rows.every((r) => r.includes("lookalike"))) break;
    await page.waitForTimeout(100);
  }
  for (const row of await page.locator("tbody tr").allTextContents()) assert.match(row, /lookalike/);
  assert.ok(await page.locator("tbody tr").count() >= 2);
  await shot("04-audit.png");
});

test("deleting a held message asks first, and cancel keeps it", async () => {
  await page.click("a.tab[data-view=held]");
  const card = page.locator(`.held[data-id="${process.env.HELD_DELETE}"]`);
  await card.waitFor();
  assert.match(await card.textContent(), /SECRET: plan 2/);
  await card.locator("button.danger").click();
  await page.waitForSelector("#confirm[open]");
  await shot("05-confirm-delete.png");
  await page.click("#confirm button[value=cancel]");
  assert.equal(await card.count(), 1, "cancel keeps it");
  await card.locator("button.danger").click();
  await page.click("#confirm-ok");
  await page.waitForSelector(`#toast >> text=Deleted ${process.env.HELD_DELETE}`);
  await card.waitFor({ state: "detached" });
});

test("releasing a held message sends it on", async () => {
  const card = page.locator(`.held[data-id="${process.env.HELD_RELEASE}"]`);
  await card.locator("button", { hasText: "Preview" }).click();
  await card.locator("pre >> text=SECRET body 1").waitFor();
  await shot("06-held.png");
  await card.locator("button.primary").click();
  await page.waitForSelector("#confirm[open]");
  await page.click("#confirm-ok");
  await page.waitForSelector(`#toast >> text=Released ${process.env.HELD_RELEASE}`);
  await page.waitForSelector("text=Nothing is held");
  await shot("07-held-empty.png");
});

test("works on a phone", async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.click("a.tab[data-view=dashboard]");
  await page.waitForSelector("text=Decisions over time");
  const nav = await page.locator("nav.nav").boundingBox();
  assert.ok(nav.y > 700, "tab bar at the bottom");
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `no sideways scrolling (${width}px)`);
  await shot("08-phone-dashboard.png");
  await page.click("a.tab[data-view=check]");
  await page.fill("#check-input", "ops@mod.gov.uk.com");
  await page.click("form.check-box button");
  await page.waitForSelector(".result");
  await shot("09-phone-check.png");
});

test("no script errors", () => {
  // The refused sign-in's 401 is expected; nothing else may fail.
  assert.deepEqual(consoleErrors.filter((e) => !e.includes("status of 401")), []);
});
