// The Outlook Smart Alerts handler under an Office.js stand-in
// (office-stub.js), against a running `nearmiss serve`, a port where
// nothing listens and a server that accepts and never answers.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { hungServer } = require("./hung-server.js");
const { execFileSync } = require("node:child_process");
const path = require("node:path");
const { makeOffice, loadInRuntime } = require("./office-stub.js");
const { mapResponse } = require("../outlook/launchevent.js");

const config = {
  serverUrl: process.env.NEARMISS_URL,
  token: process.env.NEARMISS_CHECK_TOKEN,
  failOpen: false,
  timeoutMs: 1500,
};

// Runs the handler as Outlook would: the function the script associated
// under the manifest's FunctionName, with an event whose completed() is
// recorded. Resolves with every completed() call.
async function send(item, cfg = config, fetchFn = fetch) {
  const stub = makeOffice(item);
  loadInRuntime(stub, cfg, fetchFn);
  await stub.associated.onMessageSendHandler(stub.event);
  // The options were made in the runtime's realm: compare them as data.
  return JSON.parse(JSON.stringify(stub.completions));
}

const MANIFEST = path.join(__dirname, "..", "outlook", "manifest.xml");
function xpath(expr) {
  return execFileSync("xmllint", ["--xpath", expr, MANIFEST], { encoding: "utf8" }).trim();
}

test("the script registers the function the manifest names", () => {
  const name = xpath("string(//*[local-name()='LaunchEvent'][@Type='OnMessageSend']/@FunctionName)");
  const stub = makeOffice();
  loadInRuntime(stub);
  assert.equal(name, "onMessageSendHandler");
  assert.equal(typeof stub.associated[name], "function");
});

test("the manifest: Block, Mailbox 1.14 (sendModeOverride), PNG icons", () => {
  assert.equal(xpath("string(//*[local-name()='LaunchEvent']/@SendMode)"), "Block");
  assert.equal(xpath("string(/*[local-name()='OfficeApp']/*[local-name()='Requirements']//*[local-name()='Set'][@Name='Mailbox']/@MinVersion)"), "1.14");
  assert.equal(xpath("string(//*[local-name()='Sets'][*[local-name()='Set'][@Name='Mailbox']]/@DefaultMinVersion)"), "1.14");
  assert.match(xpath("string(//*[local-name()='IconUrl']/@DefaultValue)"), /\/icon-64\.png$/);
  assert.match(xpath("string(//*[local-name()='HighResolutionIconUrl']/@DefaultValue)"), /\/icon-128\.png$/);
});

test("trusted recipients: allowEvent true, completed once", async () => {
  assert.deepEqual(await send({ to: [{ displayName: "Carol", emailAddress: "carol@army.mil" }] }),
                   [{ allowEvent: true }]);
});

test("a look-alike: blocked with the suggestion and no override", async () => {
  const [r, ...more] = await send({ to: [{ displayName: "Bob Smith", emailAddress: "bob@army.ml" }], subject: "hello" });
  assert.equal(more.length, 0);
  assert.equal(r.allowEvent, false);
  assert.match(r.errorMessage, /did you mean bob@army\.mil\?/);
  assert.equal("sendModeOverride" in r, false, "a block is never overridable");
});

test("SECRET to an outsider: warned, Send Anyway through the 1.14 override", async () => {
  const [r] = await send({ bcc: [{ displayName: "", emailAddress: "dave@example.com" }], subject: "SECRET: the plan" });
  assert.equal(r.allowEvent, false);
  assert.equal(r.sendModeOverride, "promptUser");
  assert.match(r.errorMessage, /SECRET/);
});

test("a confirm: Send Anyway offered, one check and no acknowledgement (Outlook tells no add-in the choice)", async () => {
  const bodies = [];
  const recording = (url, init) => { bodies.push(JSON.parse(init.body)); return fetch(url, init); };
  const [r, ...more] = await send({ to: [{ displayName: "Jon", emailAddress: "jon@gmial.com" }], subject: "dinner" },
                                  config, recording);
  assert.equal(more.length, 0);
  assert.equal(r.allowEvent, false);
  assert.equal(r.sendModeOverride, "promptUser");
  assert.match(r.errorMessage, /did you mean jon@gmail\.com\?/);
  assert.equal(bodies.length, 1);
  assert.equal("acknowledge" in bodies[0], false);
});

test("no recipients: allowed without asking the server", async () => {
  assert.deepEqual(await send({}, { ...config, serverUrl: "http://127.0.0.1:9" }), [{ allowEvent: true }]);
});

test("server unreachable: fail closed explains, fail open sends", async () => {
  const down = { ...config, serverUrl: "http://127.0.0.1:9" };
  const [closed] = await send({ to: [{ emailAddress: "x@army.ml" }] }, down);
  assert.equal(closed.allowEvent, false);
  assert.match(closed.errorMessage, /could not check the recipients .*not sent/);
  assert.deepEqual(await send({ to: [{ emailAddress: "x@army.ml" }] }, { ...down, failOpen: true }),
                   [{ allowEvent: true }]);
});

test("a hung server: completed within the timeout, following the fail mode", async (t) => {
  const cfg = { ...config, serverUrl: await hungServer(t), timeoutMs: 800 };
  let start = Date.now();
  const [closed] = await send({ to: [{ emailAddress: "carol@army.mil" }] }, cfg);
  const took = Date.now() - start;
  assert.ok(took >= 800 && took < 3000, `completed after ${took} ms`);
  assert.equal(closed.allowEvent, false);
  assert.match(closed.errorMessage, /no answer from .* within 0\.8 s/);
  start = Date.now();
  assert.deepEqual(await send({ to: [{ emailAddress: "carol@army.mil" }] }, { ...cfg, failOpen: true }),
                   [{ allowEvent: true }]);
  assert.ok(Date.now() - start < 3000);
});

test("a recipient field Outlook cannot read: the fail mode, not a silent send", async () => {
  const [r] = await send({ to: [{ emailAddress: "carol@army.mil" }], failing: "to" }, config);
  assert.equal(r.allowEvent, false);
  assert.match(r.errorMessage, /to unavailable/);
});

test("mapResponse keeps the message short and de-duplicated", () => {
  const r = mapResponse({ action: "block", summary: "s", send_anyway: false, recipients: [
    { client_action: "block", input: "a@x.ml", suggestion: "a@x.mil" },
    { client_action: "allow", input: "b@x.mil" }] }, { PromptUser: "p" });
  assert.equal(r.errorMessage, "s\na@x.ml: did you mean a@x.mil?");
});

// Issue 15 breaker, fix 7: the second suggestion never reached the sender.
test("mapResponse offers both suggestions when there are two", () => {
  const r = mapResponse({ action: "block", summary: "s", send_anyway: false, recipients: [
    { client_action: "block", input: "x@yahoo.com.t", suggestion: "x@yahoo.com.tw",
      also_suggestion: "x@yahoo.com.tr" }] }, { PromptUser: "p" });
  assert.equal(r.errorMessage, "s\nx@yahoo.com.t: did you mean x@yahoo.com.tw or x@yahoo.com.tr?");
});
