// Runs mailcheck's suggest over addresses on stdin (one per line) with the
// domain list in argv[2]; prints one suggested domain per line ("-" for
// none) and, on stderr, the time spent in suggest alone.
'use strict';
const fs = require('fs');
const Mailcheck = require('mailcheck');

const domains = fs.readFileSync(process.argv[2], 'utf8').split('\n')
  .map((l) => l.replace(/#.*/, '').trim()).filter((l) => l && !l.startsWith('.'));
const addresses = fs.readFileSync(0, 'utf8').split('\n').filter((l) => l);
const out = new Array(addresses.length);
const start = process.hrtime.bigint();
for (let i = 0; i < addresses.length; ++i) {
  const s = Mailcheck.suggest(addresses[i], domains);
  out[i] = s ? s.domain : '-';
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
process.stdout.write(out.join('\n') + '\n');
process.stderr.write(JSON.stringify({ seconds }) + '\n');
