// The Thunderbird add-in's logic against a running `nearmiss serve`
// (NEARMISS_URL, NEARMISS_CHECK_TOKEN; see tests/clients/run.sh).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const http = require("node:http");
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

test("Send anyway on a warning posts the acknowledgement docs/api.md describes", async (t) => {
  const seen = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => { body += c; });
    req.on("end", () => {
      seen.push({ method: req.method, url: req.url, auth: req.headers.authorization, body: JSON.parse(body) });
      res.writeHead(201, { "Content-Type": "application/json" });
      res.end("{}");
    });
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  t.after(() => server.close());
  const details = { from: "Alice <alice@mod.gov.uk>", to: ["dave@example.com"], subject: "SECRET: the plan" };
  const r = await core.checkBeforeSend(details, settings, fetch);
  assert.equal(r.answer.action, "warn");
  await core.acknowledge(details, r.answer, { ...settings, serverUrl: `http://127.0.0.1:${server.address().port}` }, fetch);
  assert.equal(seen.length, 1);
  assert.equal(seen[0].method, "POST");
  assert.equal(seen[0].url, "/v1/acknowledgements");
  assert.equal(seen[0].auth, "Bearer " + settings.token);
  assert.equal(seen[0].body.path, "thunderbird");
  assert.equal(seen[0].body.from, "Alice <alice@mod.gov.uk>");
  assert.deepEqual(seen[0].body.recipients.map((x) => x.address), ["dave@example.com"]);
  assert.equal(seen[0].body.level, "SECRET");
});
