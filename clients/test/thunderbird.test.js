// The Thunderbird add-in's logic against a running `nearmiss serve`
// (NEARMISS_URL, NEARMISS_CHECK_TOKEN; see tests/clients/run.sh).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { hungServer } = require("./hung-server.js");
const core = require("../thunderbird/nearmiss-core.js");

const settings = {
  serverUrl: process.env.NEARMISS_URL,
  token: process.env.NEARMISS_CHECK_TOKEN,
  sendBody: false,
  failOpen: false,
  timeoutMs: 1500,
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

test("a wrong token stops the send when failing closed, sends (and says so) when open", async () => {
  const bad = { ...settings, token: "not-a-valid-token-000" };
  const closed = await core.checkBeforeSend({ to: ["a@army.mil"] }, bad, fetch);
  assert.equal(closed.action, "stop");
  assert.match(closed.error, /token.*not sent/);
  const open = await core.checkBeforeSend({ to: ["a@army.mil"] }, { ...bad, failOpen: true }, fetch);
  assert.equal(open.action, "send");
  assert.match(open.error, /sent unchecked/);
});

test("fail closed is the default", () => {
  assert.equal(core.DEFAULTS.failOpen, false);
  assert.ok(core.DEFAULTS.timeoutMs > 0);
});

test("a hung server: the answer comes within the timeout, by the fail mode", async (t) => {
  const cfg = { ...settings, serverUrl: await hungServer(t), timeoutMs: 800 };
  const start = Date.now();
  const closed = await core.checkBeforeSend({ to: ["a@army.mil"] }, cfg, fetch);
  const took = Date.now() - start;
  assert.ok(took >= 800 && took < 3000, `answered after ${took} ms`);
  assert.equal(closed.action, "stop");
  assert.match(closed.error, /no answer from .* within 0\.8 s.*not sent/);
  const open = await core.checkBeforeSend({ to: ["a@army.mil"] }, { ...cfg, failOpen: true }, fetch);
  assert.equal(open.action, "send");
});

// What the admin API lists for sender -> recipient (path, why), newest first.
async function acknowledgementsOf(sender, recipient) {
  const res = await fetch(settings.serverUrl + "/v1/acknowledgements",
                          { headers: { Authorization: "Bearer " + process.env.NEARMISS_ADMIN_TOKEN } });
  assert.equal(res.status, 200);
  const { acknowledgements } = await res.json();
  return acknowledgements.filter((a) => a.sender === sender && a.recipient === recipient);
}

// A fetch that counts the add-in's requests and what they carried.
function recording(seen) {
  return (url, init) => {
    seen.push({ url, body: JSON.parse(init.body) });
    return fetch(url, init);
  };
}

test("Send anyway on a confirm: the same check re-posted with acknowledge, recorded, not asked again", async () => {
  // A provider look-alike: the default policy's `confirm`, which the sender may acknowledge.
  const details = { from: "Erin <erin@mod.gov.uk>", to: ["Jon <jon@gmial.com>"], subject: "dinner" };
  const r = await core.checkBeforeSend(details, settings, fetch);
  assert.equal(r.action, "prompt");
  assert.equal(r.answer.action, "warn");
  assert.equal(r.answer.recipients[0].action, "confirm");
  assert.equal(r.sendAnyway, true);
  assert.deepEqual(r.acknowledgeable, ["jon@gmial.com"]);

  const seen = [];
  const outcome = await core.acknowledge(details, r, "Jon's own mailbox", settings, recording(seen));
  assert.deepEqual(outcome, { recorded: ["jon@gmial.com"], refused: [], failed: [], error: null });
  assert.equal(core.acknowledgementNotice(outcome), null, "nothing to tell the sender");
  assert.equal(seen.length, 1);
  assert.match(seen[0].url, /\/v1\/check$/);
  assert.deepEqual(seen[0].body, { ...core.buildRequest(details, settings),
    acknowledge: { recipients: ["jon@gmial.com"], justification: "Jon's own mailbox" } });

  const [ack, ...more] = await acknowledgementsOf("erin@mod.gov.uk", "jon@gmial.com");
  assert.equal(more.length, 0, "one acknowledgement");
  assert.equal(ack.path, "api");
  assert.equal(ack.why, "Jon's own mailbox");
  assert.equal(ack.live, true);

  const again = await core.checkBeforeSend(details, settings, fetch);
  assert.equal(again.action, "send", "the same warning is not asked again");
  assert.equal(again.answer.recipients[0].acknowledged_by, ack.id);
});

test("Send anyway on a hold: nothing acknowledgeable, nothing posted, the sender told", async () => {
  const details = { from: "erin@mod.gov.uk", to: ["dave@example.com"], subject: "SECRET: the plan" };
  const r = await core.checkBeforeSend(details, settings, fetch);
  assert.equal(r.answer.action, "warn");
  assert.equal(r.answer.recipients[0].action, "hold");
  assert.equal(r.sendAnyway, true);
  assert.deepEqual(r.acknowledgeable, []);
  const seen = [];
  const outcome = await core.acknowledge(details, r, "", settings, recording(seen));
  assert.equal(seen.length, 0);
  assert.deepEqual(outcome, { recorded: [], refused: ["dave@example.com"], failed: [], error: null });
  assert.match(core.acknowledgementNotice(outcome),
               /not record a confirmation for dave@example\.com: .*confirmed away\. The message was sent/);
  assert.deepEqual(await acknowledgementsOf("erin@mod.gov.uk", "dave@example.com"), []);
});

test("an acknowledgement the server refuses or never answers: told, never thrown", async (t) => {
  const details = { from: "frank@mod.gov.uk", to: ["jon@gmial.com"], subject: "x" };
  const r = await core.checkBeforeSend(details, settings, fetch);
  assert.deepEqual(r.acknowledgeable, ["jon@gmial.com"]);
  // serve refuses: no sender to acknowledge in the name of (400), a token it does not know (401).
  const noFrom = await core.acknowledge({ ...details, from: "" }, r, "", settings, fetch);
  assert.deepEqual(noFrom.recorded, []);
  assert.deepEqual(noFrom.failed, ["jon@gmial.com"]);
  assert.match(noFrom.error, /needs 'from'/);
  assert.match(core.acknowledgementNotice(noFrom),
               /could not record your confirmation for jon@gmial\.com \(.*needs 'from'.*\)\. The message was sent/);
  const badToken = await core.acknowledge(details, r, "", { ...settings, token: "not-a-valid-token-000" }, fetch);
  assert.match(badToken.error, /token/);
  const hung = await core.acknowledge(details, r, "", { ...settings, serverUrl: await hungServer(t), timeoutMs: 800 }, fetch);
  assert.match(hung.error, /no answer from .* within 0\.8 s/);
  // The recipients were edited after the check: the acknowledgement names one
  // no longer there, which serve refuses by name (422), storing nothing.
  const edited = await core.acknowledge({ ...details, to: ["kim@army.mil"] }, r, "", settings, fetch);
  assert.deepEqual(edited.failed, ["jon@gmial.com"]);
  assert.match(edited.error, /'jon@gmial\.com' is not a recipient of this check/);
  assert.match(core.acknowledgementNotice(edited), /could not record your confirmation for jon@gmial\.com/);
  assert.deepEqual(await acknowledgementsOf("frank@mod.gov.uk", "jon@gmial.com"), []);
});
