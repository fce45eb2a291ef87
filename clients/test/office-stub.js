// A stand-in for the parts of Office.js the Smart Alerts handler touches,
// shaped as Office.js shapes them (Office.AsyncResult, the enums' string
// values), recording what the handler does:
//   stub.completions  every event.completed(options) call, in order
//   stub.associated   Office.actions.associate(name, fn) registrations
// Reference: Office.js Outlook API, requirement sets 1.12 (OnMessageSend,
// event.completed with allowEvent/errorMessage) and 1.14
// (sendModeOverride: Office.MailboxEnums.SendModeOverride.PromptUser).
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

function asyncField(value, error) {
  return {
    // Office.js: getAsync([options], callback(asyncResult)).
    getAsync(...args) {
      const cb = args[args.length - 1];
      setImmediate(() => cb(error
        ? { status: "failed", error: { name: "InternalServerError", message: error }, value: undefined }
        : { status: "succeeded", value, error: undefined }));
    },
  };
}

function makeOffice({ to = [], cc = [], bcc = [], subject = "", failing = null } = {}) {
  const stub = { completions: [], associated: {} };
  stub.Office = {
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    MailboxEnums: { SendModeOverride: { PromptUser: "promptUser" } },
    actions: { associate: (name, fn) => { stub.associated[name] = fn; } },
    context: { mailbox: { item: {
      to: asyncField(to, failing === "to" ? "to unavailable" : null),
      cc: asyncField(cc), bcc: asyncField(bcc), subject: asyncField(subject),
      from: asyncField({ displayName: "Alice", emailAddress: "alice@mod.gov.uk" }),
    } } },
  };
  stub.event = { completed: (options) => stub.completions.push(options) };
  return stub;
}

// Loads launchevent.js as Outlook's JavaScript runtime does: one script in
// a global scope where Office is defined and `module` is not.
// fetchFn stands in for the runtime's fetch (to record the requests).
function loadInRuntime(stub, config, fetchFn = fetch) {
  const file = path.join(__dirname, "..", "outlook", "launchevent.js");
  const context = vm.createContext({
    Office: stub.Office, fetch: fetchFn, AbortController, setTimeout, clearTimeout, console,
  });
  vm.runInContext(fs.readFileSync(file, "utf8"), context, { filename: file });
  if (config) Object.assign(vm.runInContext("NEARMISS", context), config);
  return context;
}

module.exports = { makeOffice, loadInRuntime };
