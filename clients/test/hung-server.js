// A TCP server that accepts connections and never answers: a hung
// `nearmiss serve` as a client sees it. Closed when the test ends.
"use strict";
const net = require("node:net");

async function hungServer(t) {
  const sockets = [];
  const server = net.createServer((s) => sockets.push(s));
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  t.after(() => { sockets.forEach((s) => s.destroy()); server.close(); });
  return `http://127.0.0.1:${server.address().port}`;
}

module.exports = { hungServer };
