// The Outlook Smart Alerts handler with a stand-in Office object, against a
// running `nearmiss serve`.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { onMessageSendHandler, mapResponse } = require("../outlook/launchevent.js");

const config = {
  serverUrl: process.env.NEARMISS_URL,
  token: process.env.NEARMISS_CHECK_TOKEN,
  failOpen: true,
  timeoutMs: 4000,
};

function field(value) {
  return { getAsync: (cb) => cb({ status: "succeeded", value }) };
}

function office({ to = [], cc = [], bcc = [], subject = "" }) {
  return {
    MailboxEnums: { SendModeOverride: { PromptUser: "promptUser" } },
    context: { mailbox: { item: {
      to: field(to), cc: field(cc), bcc: field(bcc), subject: field(subject),
      from: field({ displayName: "Alice", emailAddress: "alice@mod.gov.uk" }),
    } } },
  };
}

async function send(item, cfg = config) {
  let result;
  await onMessageSendHandler({ completed: (r) => { result = r; } }, { Office: office(item), fetch, config: cfg });
  return result;
}

test("trusted recipients: allowEvent true", async () => {
  assert.deepEqual(await send({ to: [{ displayName: "Carol", emailAddress: "carol@army.mil" }] }), { allowEvent: true });
});

test("a look-alike: blocked with the suggestion and no override", async () => {
  const r = await send({ to: [{ displayName: "Bob Smith", emailAddress: "bob@army.ml" }], subject: "hello" });
  assert.equal(r.allowEvent, false);
  assert.match(r.errorMessage, /did you mean bob@army\.mil\?/);
  assert.equal(r.sendModeOverride, undefined);
});

test("SECRET to an outsider: warned with Send Anyway (PromptUser)", async () => {
  const r = await send({ bcc: [{ displayName: "", emailAddress: "dave@example.com" }], subject: "SECRET: the plan" });
  assert.equal(r.allowEvent, false);
  assert.equal(r.sendModeOverride, "promptUser");
  assert.match(r.errorMessage, /SECRET/);
});

test("server unreachable: fail open sends, fail closed explains", async () => {
  const down = { ...config, serverUrl: "http://127.0.0.1:9" };
  assert.deepEqual(await send({ to: [{ emailAddress: "x@army.ml" }] }, down), { allowEvent: true });
  const closed = await send({ to: [{ emailAddress: "x@army.ml" }] }, { ...down, failOpen: false });
  assert.equal(closed.allowEvent, false);
  assert.match(closed.errorMessage, /could not check/);
});

test("mapResponse keeps the message short and de-duplicated", () => {
  const r = mapResponse({ action: "block", summary: "s", send_anyway: false, recipients: [
    { client_action: "block", input: "a@x.ml", suggestion: "a@x.mil" },
    { client_action: "allow", input: "b@x.mil" }] }, { PromptUser: "p" });
  assert.equal(r.errorMessage, "s\na@x.ml: did you mean a@x.mil?");
});
