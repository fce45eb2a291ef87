// nearmiss for Thunderbird: the logic, free of WebExtension APIs so node's
// test runner can drive it against a real `nearmiss serve`.
//
// settings: {serverUrl, token, sendBody, failOpen, timeoutMs}; DEFAULTS
// below, overridden by the packaged config.json (scripts/build-addins) and
// then by what the sender saved in the options page.
//
// checkBeforeSend(details, settings, fetchFn) answers what onBeforeSend
// should do with a compose window's details:
//   {action: "send"}                      allow
//   {action: "send", error}               no answer within timeoutMs (or an
//                                         error status) and failOpen: sent
//                                         unchecked, the sender is told
//   {action: "prompt", answer, fixes, sendAnyway, acknowledgeable}
//                                         warn or block; acknowledgeable:
//                                         the flagged addresses "Send
//                                         anyway" records for the sender
//   {action: "stop", error}               no answer, fail closed (default)
// applyFixes(details, fixes) rewrites to/cc/bcc with the suggestions.
// acknowledge(details, result, justification, settings, fetchFn): after
// "Send anyway", posts the same check again with `acknowledge` (docs/api.md,
// "Send anyway": acknowledging a warning) and resolves with the addresses
// {recorded, refused (not acknowledgeable, or not taken), failed (the
// request failed: error)}; it never rejects, the message goes either way.
// acknowledgementNotice(outcome) is what the sender is told, or null.
"use strict";

(function (root) {
  const FIELDS = ["to", "cc", "bcc"];
  // A guard fails closed (DESIGN.md): an unreachable or hung server stops
  // the send unless the administrator packaged or the sender chose
  // failOpen. 5 s: the check answers in well under 10 ms on loopback
  // (docs/api.md, Latency), so 5 s means the server is gone or hung.
  const DEFAULTS = { serverUrl: "http://127.0.0.1:8025", token: "", sendBody: false,
                     failOpen: false, timeoutMs: 5000 };

  // POST a JSON body; rejects after timeoutMs with an error that says so.
  async function postJson(settings, path, body, fetchFn) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), settings.timeoutMs);
    try {
      const res = await fetchFn(settings.serverUrl.replace(/\/$/, "") + path, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          ...(settings.token ? { Authorization: "Bearer " + settings.token } : {}),
        },
        body: JSON.stringify(body),
        signal: controller.signal,
      });
      const text = await res.text();
      let answer = {};
      try { answer = JSON.parse(text); } catch (e) { /* an error page: the status says it */ }
      if (!res.ok) throw new Error(answer.detail || answer.title || "HTTP " + res.status);
      return answer;
    } catch (err) {
      if (controller.signal.aborted) {
        throw new Error("no answer from " + settings.serverUrl + " within " +
                        settings.timeoutMs / 1000 + " s");
      }
      throw err;
    } finally {
      clearTimeout(timer);
    }
  }

  // Compose details hold strings ("Bob <bob@army.ml>") or contact ids
  // ({id, type}); only strings can be checked here.
  function recipients(list) {
    return (list || []).filter((r) => typeof r === "string");
  }

  function buildRequest(details, settings) {
    const body = { from: details.from || undefined };
    for (const f of FIELDS) {
      const r = recipients(details[f]);
      if (r.length) body[f] = r;
    }
    // The subject carries markings ("OFFICIAL-SENSITIVE: ..."); the body is
    // sent only when the administrator asked for it.
    if (details.subject) body.subject = details.subject;
    if (settings.sendBody && details.plainTextBody) body.body = details.plainTextBody;
    return body;
  }

  // One fix per flagged recipient that has a suggestion: which field and
  // entry to replace, and with what (keeping the display name).
  function fixesFor(answer, details) {
    const fixes = [];
    const counters = { to: 0, cc: 0, bcc: 0 };
    const lists = {};
    for (const f of FIELDS) lists[f] = recipients(details[f]);
    for (const r of answer.recipients) {
      const field = r.field;
      // The server splits "a@x, b@y" strings; match on the entry holding it.
      const list = lists[field] || [];
      const index = list.findIndex((entry, i) => i >= counters[field] && entry.includes(r.input));
      if (index >= 0) counters[field] = index;
      if (!r.suggestion || r.client_action === "allow") continue;
      if (index < 0) continue;
      const original = list[index];
      // Swap the address only, keeping "Bob Smith <...>" around it; the
      // server's address is lower case, so match without case.
      const address = r.address || r.input;
      const at = original.toLowerCase().indexOf(address.toLowerCase());
      const replaced = at >= 0
        ? original.slice(0, at) + r.suggestion + original.slice(at + address.length)
        : original.split(r.input).join(r.suggestion);
      fixes.push({ field, index, from: original, to: replaced, suggestion: r.suggestion });
    }
    return fixes;
  }

  async function checkBeforeSend(details, settings, fetchFn) {
    const request = buildRequest(details, settings);
    if (!FIELDS.some((f) => request[f])) return { action: "send" };
    let answer;
    try {
      answer = await postJson(settings, "/v1/check", request, fetchFn);
    } catch (err) {
      const why = String(err.message || err);
      if (settings.failOpen) {
        return { action: "send", error: "nearmiss could not check the recipients (" + why +
                                        "); the message was sent unchecked" };
      }
      return { action: "stop", error: "nearmiss could not check the recipients (" + why +
                                      "); the message was not sent" };
    }
    if (answer.action === "allow") return { action: "send", answer };
    return {
      action: "prompt",
      answer,
      fixes: fixesFor(answer, details),
      sendAnyway: answer.action === "warn" && answer.send_anyway === true,
      acknowledgeable: flagged(answer).filter((r) => r.acknowledgeable === true)
        .map((r) => r.address || r.input),
    };
  }

  function applyFixes(details, fixes) {
    const out = {};
    for (const f of FIELDS) out[f] = (details[f] || []).slice();
    for (const fix of fixes) {
      const list = recipients(out[fix.field]);
      if (list[fix.index] === fix.from) {
        // Index among strings equals index in the list when no contact ids
        // are mixed in; otherwise find the string itself.
        const at = out[fix.field].indexOf(fix.from);
        if (at >= 0) out[fix.field][at] = fix.to;
      }
    }
    return out;
  }

  function flagged(answer) {
    return (answer.recipients || []).filter((r) => r.client_action !== "allow");
  }

  // The sender chose "Send anyway" on a warning. The server is the judge of
  // what may be acknowledged (a hold, or a look-alike of a protected
  // domain, never is; docs/api.md): the add-in re-posts the check with
  // `acknowledge` naming the recipients the first answer called
  // acknowledgeable, and reports per address what the server recorded. An
  // acknowledgement suppresses the same warning for this sender and
  // recipient afterwards, in the add-in and at the mail server (the milter
  // would otherwise hold a `confirm` message for the sender to release).
  async function acknowledge(details, result, justification, settings, fetchFn) {
    const wanted = result.acknowledgeable || [];
    const outcome = {
      recorded: [],
      refused: flagged(result.answer).map((r) => r.address || r.input)
        .filter((a) => !wanted.includes(a)),
      failed: [],
      error: null,
    };
    if (!wanted.length) return outcome;
    const body = buildRequest(details, settings);
    body.acknowledge = { recipients: wanted };
    if (justification) body.acknowledge.justification = justification;
    try {
      const answer = await postJson(settings, "/v1/check", body, fetchFn);
      const made = (answer.acknowledged || []).map((a) => a.recipient);
      outcome.recorded = wanted.filter((a) => made.includes(a));
      outcome.refused.push(...wanted.filter((a) => !made.includes(a)));
    } catch (err) {
      outcome.failed = wanted;
      outcome.error = String(err.message || err);
    }
    return outcome;
  }

  function acknowledgementNotice(outcome) {
    const said = [];
    if (outcome.failed.length) {
      said.push("nearmiss could not record your confirmation for " + outcome.failed.join(", ") +
                " (" + outcome.error + ")");
    }
    if (outcome.refused.length) {
      said.push("nearmiss did not record a confirmation for " + outcome.refused.join(", ") +
                ": the server does not let this warning be confirmed away");
    }
    if (!said.length) return null;
    return said.join("; ") + ". The message was sent; the mail server may hold it for review.";
  }

  const api = { DEFAULTS, buildRequest, fixesFor, checkBeforeSend, applyFixes, acknowledge,
                acknowledgementNotice };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.nearmiss = api;
})(this);
