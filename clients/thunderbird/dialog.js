"use strict";
const data = JSON.parse(decodeURIComponent(location.hash.slice(1)));
document.body.className = data.action;
const TITLES = {
  block: "This message cannot go as addressed",
  warn: "Check before sending",
  error: "The recipients could not be checked",
};
document.getElementById("title").textContent = TITLES[data.action] || TITLES.warn;
// The window's title carries the summary too, so it is read out by screen
// readers and window lists (and tests/thunderbird reads it with xdotool).
document.title = "nearmiss: " + data.summary;
document.getElementById("summary").textContent = data.summary;
for (const r of data.recipients) {
  const li = document.createElement("li");
  // The server's message names the address already.
  li.textContent = r.message || (r.address || r.input) + ": " + r.verdict;
  if (r.suggestion) {
    const s = document.createElement("div");
    s.className = "s";
    // Two targets about as likely (also_suggestion): both offered.
    s.textContent = "Did you mean " + r.suggestion +
      (r.also_suggestion ? " or " + r.also_suggestion : "") + "?";
    li.append(s);
  }
  if (data.sendAnyway) {
    // What "Send anyway" will do for this recipient, as the server said.
    const n = document.createElement("div");
    n.className = "note";
    n.textContent = r.acknowledgeable
      ? "Sending anyway records that you mean this address; you will not be asked again."
      : "This warning cannot be confirmed away: the mail server may hold the message for review.";
    li.append(n);
  }
  document.getElementById("list").append(li);
}
document.getElementById("why-row").hidden = !data.askWhy;
const choose = (choice) => messenger.runtime.sendMessage({
  type: "nearmiss-choice", choice, justification: document.getElementById("why").value.trim(),
});
document.getElementById("fix").hidden = !data.canFix;
document.getElementById("send").hidden = !data.sendAnyway;
document.getElementById("fix").onclick = () => choose("fix");
document.getElementById("send").onclick = () => choose("send");
document.getElementById("cancel").onclick = () => choose("cancel");
// The safe choice has the focus: Enter goes back to the message.
document.getElementById("cancel").focus();
