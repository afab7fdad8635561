// The redact-pii npm package (SyncRedactor, default rules) behind the same interface as `nearmiss pii scan`, so that
// `score.py --bench-cmd` times both the same way: a fresh process per run, start-up included, JSON lines on stdin.
// redact-pii returns the redacted text, not offsets, so each output line carries that text and an empty span list:
// score.py's accuracy row for this command means nothing; its throughput line is the figure. Not a dependency of
// the project:
//   mkdir -p /tmp/rp && (cd /tmp/rp && npm init -y && npm install redact-pii)
//   python3 ../shared/pii-eval/score.py ../shared/pii-eval/data/nearmiss-dev.jsonl \
//     --bench-cmd "NODE_PATH=/tmp/rp/node_modules node scripts/redact-pii-scan.cjs" --name redact-pii-timing-only
const { SyncRedactor } = require('redact-pii');
const fs = require('fs');
const redactor = new SyncRedactor();
const out = [];
for (const line of fs.readFileSync(0, 'utf8').split('\n')) {
  if (line.trim() === '') continue;
  const { id, text } = JSON.parse(line);
  out.push(JSON.stringify({ id, spans: [], redacted: redactor.redact(text) }));
}
fs.writeSync(1, out.join('\n') + '\n');
