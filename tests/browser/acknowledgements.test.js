// The console's Acks view in Debian's headless Chromium: the admin sees the
// acknowledgement alice made by releasing her held message, and revokes it
// behind a confirmation. confirm.sh sets the environment.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { useBrowser } = require("./chromium.js");

const b = useBrowser(test);

test("the admin sees alice's acknowledgement and the events behind it", async () => {
  await b.page.goto(b.url + "/#/acks");
  await b.page.waitForSelector("#login[open]");
  await b.page.fill("#token", b.token);
  await b.page.click("#login-form button[type=submit]");
  await b.page.waitForSelector("#login", { state: "hidden" });
  const row = b.page.locator("tr[data-ack]", { hasText: "jon@gmial.com" });
  await row.waitFor();
  const text = await row.textContent();
  assert.match(text, /alice@mod\.gov\.uk/);
  assert.match(text, /confirm-link/);
  assert.match(text, /Jon uses gmial\.com, really/);
  assert.match(text, /live/);
  // The warning it settles (round 52's tester 14, finding 6).
  assert.match(text, /for [a-z-]+( [a-z-]+)* \(did you mean jon@gmail\.com\?/);
  const events = await b.page.locator("#events").textContent();
  assert.match(events, /release/);
  assert.match(events, /acknowledge/);
  await b.shot("20-acks.png");
});

// The record of alice's next message (step 3 of confirm.sh) names the
// acknowledgement that settled its warning: the fields the store and
// /v1/audit carry, shown in the Audit view (issue-14 tester, round 41).
test("the audit view names the acknowledgement that settled a warning", async () => {
  await b.page.click("a.tab[data-view=audit]");
  const settled = b.page.locator("[data-acknowledged]", { hasText: "alice@mod.gov.uk" }).first();
  await settled.waitFor();
  const text = await settled.textContent();
  // By her link, from the address it was used from (round 45).
  assert.match(text, /acknowledged by alice@mod\.gov\.uk \(confirm link; from [^)]+\) \(confirm-link, \w+, acknowledgement \d+\)/);
  assert.match(text, /; settled rule \d+ '[^']+' \(.*\), action confirm$/);
  await b.shot("22-audit-acknowledged.png");
  await b.page.click("a.tab[data-view=acks]");
  await b.page.locator("tr[data-ack]", { hasText: "jon@gmial.com" }).waitFor();
});

test("revoking asks first, then marks it revoked by the admin's name", async () => {
  const row = b.page.locator("tr[data-ack]", { hasText: "jon@gmial.com" });
  await row.locator("button.danger").click();
  await b.page.waitForSelector("#confirm[open]");
  // It names the warning asked again; no other acknowledgement of jon@ is live.
  assert.match(await b.page.locator("#confirm").textContent(),
               /asked again before writing to jon@gmial\.com when [a-z-]+.* \(did you mean jon@gmail\.com\?.*comes up\.(?!.*stays live)/);
  await b.page.click("#confirm button[value=cancel]");
  assert.match(await row.textContent(), /live/, "cancel keeps it");
  await row.locator("button.danger").click();
  await b.page.click("#confirm-ok");
  await b.page.waitForSelector("#toast >> text=Revoked acknowledgement");
  await b.page.locator("tr[data-ack]", { hasText: "revoked by Ann Admin" }).waitFor();
  await b.page.locator("#events >> text=Ann Admin").waitFor();
  await b.shot("21-acks-revoked.png");
});

test("no script errors", () => {
  assert.deepEqual(b.consoleErrors, []);
});
