// Throughput of the redact-pii npm package (SyncRedactor, default rules), the baseline the PII detector's speed
// target is stated against, on the same texts as `score.py --bench-cmd`. Not a dependency of the project:
//   mkdir -p /tmp/rp && (cd /tmp/rp && npm init -y && npm install redact-pii)
//   python3 ../shared/pii-eval/score.py --strip ../shared/pii-eval/data/nearmiss-dev.jsonl > /tmp/dev.jsonl
//   NODE_PATH=/tmp/rp/node_modules node scripts/redact-pii-bench.cjs /tmp/dev.jsonl 100
const { SyncRedactor } = require('redact-pii');
const fs = require('fs');
const lines = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean).map(l => JSON.parse(l).text);
const r = new SyncRedactor();
for (const t of lines) r.redact(t); // warm up
const reps = +process.argv[3] || 50;
let chars = 0; const t0 = process.hrtime.bigint();
for (let k = 0; k < reps; k++) for (const t of lines) { r.redact(t); chars += t.length; }
const s = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(`redact-pii: ${chars} chars in ${s.toFixed(2)} s = ${(chars / s / 1e6).toFixed(2)} M chars/s`);
