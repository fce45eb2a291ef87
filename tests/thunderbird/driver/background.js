// Test only: asks run.py's control server (CONTROL below, written in by
// run.py) for the next case, opens a compose window with its recipients and
// subject, sends it with compose.sendMessage (the send path the Send button
// takes, onBeforeSend included) and posts how the send ended.
"use strict";

const CONTROL = "http://127.0.0.1:@CONTROL_PORT@";

async function post(path, body) {
  await fetch(CONTROL + path, { method: "POST", body: JSON.stringify(body) });
}

async function runCase(c, identityId) {
  const tab = await messenger.compose.beginNew(null, {
    identityId, to: c.to, subject: c.subject, plainTextBody: c.body || "test", isPlainText: true,
  });
  await post("/sending", { name: c.name, at: Date.now() });
  try {
    const sent = await messenger.compose.sendMessage(tab.id, { mode: "sendNow" });
    await post("/result", { name: c.name, sent: true, detail: JSON.stringify(sent) });
  } catch (err) {
    await post("/result", { name: c.name, sent: false, detail: String(err.message || err) });
    // A cancelled send leaves its compose window open, as for a sender.
    await messenger.tabs.remove(tab.id).catch(() => {});
  }
}

async function main() {
  const accounts = await messenger.accounts.list();
  const identity = accounts.flatMap((a) => a.identities)[0];
  await post("/ready", { identity: identity ? identity.email : null });
  for (;;) {
    const res = await fetch(CONTROL + "/next");
    const c = await res.json();
    if (c.done) return;
    if (c.wait) {
      await new Promise((r) => setTimeout(r, 200));
      continue;
    }
    await runCase(c, identity.id);
  }
}

main().catch((err) => post("/result", { name: "driver", sent: false, detail: String(err) }));
