// The Thunderbird add-in's logic against a running `nearmiss serve`
// (NEARMISS_URL, NEARMISS_CHECK_TOKEN; see tests/clients/run.sh).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const core = require("../thunderbird/nearmiss-core.js");

const settings = {
  serverUrl: process.env.NEARMISS_URL,
  token: process.env.NEARMISS_CHECK_TOKEN,
  sendBody: false,
  failOpen: true,
};

test("a trusted recipient sends without a prompt", async () => {
  const r = await core.checkBeforeSend({ from: "alice@mod.gov.uk", to: ["Carol <carol@army.mil>"], subject: "hi" }, settings, fetch);
  assert.equal(r.action, "send");
  assert.equal(r.answer.action, "allow");
});

test("a look-alike is blocked with a fix and no Send anyway", async () => {
  const details = { to: ["Bob Smith <bob@army.ml>", "carol@army.mil"], cc: ["dave@gmial.com"], subject: "plans" };
  const r = await core.checkBeforeSend(details, settings, fetch);
  assert.equal(r.action, "prompt");
  assert.equal(r.answer.action, "block");
  assert.equal(r.sendAnyway, false);
  assert.match(r.answer.summary, /did you mean bob@army\.mil\?/);
  const fixed = core.applyFixes(details, r.fixes);
  assert.deepEqual(fixed.to, ["Bob Smith <bob@army.mil>", "carol@army.mil"]);
  assert.deepEqual(fixed.cc, ["dave@gmail.com"]);
  const again = await core.checkBeforeSend({ ...details, ...fixed }, settings, fetch);
  assert.equal(again.action, "send", "the fixed message goes");
});

test("a SECRET message to an outsider warns and may be sent anyway", async () => {
  const r = await core.checkBeforeSend({ to: ["dave@example.com"], subject: "SECRET: the plan" }, settings, fetch);
  assert.equal(r.action, "prompt");
  assert.equal(r.answer.action, "warn");
  assert.equal(r.sendAnyway, true);
  assert.equal(r.fixes.length, 0);
});

test("the body stays on the client unless asked for", async () => {
  const req = core.buildRequest({ to: ["a@army.mil"], plainTextBody: "SECRET" }, settings);
  assert.equal(req.body, undefined);
  assert.equal(core.buildRequest({ to: ["a@army.mil"], plainTextBody: "x" }, { ...settings, sendBody: true }).body, "x");
  // Contact ids from the address book cannot be checked here; they are skipped.
  assert.deepEqual(core.buildRequest({ to: [{ id: "c1", type: "contact" }, "a@army.mil"] }, settings).to, ["a@army.mil"]);
});

test("a wrong token stops the send when failing closed, sends when open", async () => {
  const bad = { ...settings, token: "not-a-valid-token-000" };
  const closed = await core.checkBeforeSend({ to: ["a@army.mil"] }, { ...bad, failOpen: false }, fetch);
  assert.equal(closed.action, "stop");
  assert.match(closed.error, /token/);
  const open = await core.checkBeforeSend({ to: ["a@army.mil"] }, bad, fetch);
  assert.equal(open.action, "send");
});
