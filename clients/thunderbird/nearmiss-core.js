// nearmiss for Thunderbird: the logic, free of WebExtension APIs so node's
// test runner can drive it against a real `nearmiss serve`.
//
// checkBeforeSend(details, settings, fetchFn) answers what onBeforeSend
// should do with a compose window's details:
//   {action: "send"}                      allow, or the server unreachable
//                                         and settings.failOpen
//   {action: "prompt", answer, fixes, sendAnyway}  warn or block
//   {action: "stop", error}               server unreachable, fail closed
// applyFixes(details, fixes) rewrites to/cc/bcc with the suggestions.
"use strict";

(function (root) {
  const FIELDS = ["to", "cc", "bcc"];

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
      const res = await fetchFn(settings.serverUrl.replace(/\/$/, "") + "/v1/check", {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          ...(settings.token ? { Authorization: "Bearer " + settings.token } : {}),
        },
        body: JSON.stringify(request),
      });
      answer = await res.json();
      if (!res.ok) throw new Error(answer.detail || answer.title || "HTTP " + res.status);
    } catch (err) {
      if (settings.failOpen) return { action: "send", error: String(err.message || err) };
      return { action: "stop", error: "nearmiss could not check the recipients: " + (err.message || err) };
    }
    if (answer.action === "allow") return { action: "send", answer };
    return {
      action: "prompt",
      answer,
      fixes: fixesFor(answer, details),
      sendAnyway: answer.action === "warn" && answer.send_anyway === true,
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

  const api = { buildRequest, fixesFor, checkBeforeSend, applyFixes };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.nearmiss = api;
})(this);
