"use strict";
const data = JSON.parse(decodeURIComponent(location.hash.slice(1)));
document.body.className = data.action;
document.getElementById("title").textContent =
  data.action === "block" ? "This message cannot go as addressed" : "Check before sending";
document.getElementById("summary").textContent = data.summary;
for (const r of data.recipients) {
  const li = document.createElement("li");
  li.textContent = (r.address || r.input) + ": " + (r.message || r.verdict);
  if (r.suggestion) {
    const s = document.createElement("div");
    s.className = "s";
    s.textContent = "Did you mean " + r.suggestion + "?";
    li.append(s);
  }
  document.getElementById("list").append(li);
}
const choose = (choice) => messenger.runtime.sendMessage({ type: "nearmiss-choice", choice });
document.getElementById("fix").hidden = !data.canFix;
document.getElementById("send").hidden = !data.sendAnyway;
document.getElementById("fix").onclick = () => choose("fix");
document.getElementById("send").onclick = () => choose("send");
document.getElementById("cancel").onclick = () => choose("cancel");
