import { spawn } from 'node-pty';
const now = () => Number(process.hrtime.bigint()) / 1e6;
function ttf(args: string[], marker: RegExp): Promise<number> {
  return new Promise((resolve) => {
    const s = now();
    const env: Record<string, string> = {}; for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'CI') env[k] = v;
    const p = spawn(process.execPath, args, { cols: 120, rows: 40, env });
    let out = '';
    p.onData((d) => { out += d; if (marker.test(out.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, ''))) { const ms = now() - s; p.kill(); resolve(ms); } });
  });
}
for (const f of ['sessions/key-part-init.journal.jsonl', '/tmp/rv/long.journal.jsonl', '/tmp/rv/longc.journal.jsonl']) {
  const t: number[] = [];
  for (let i = 0; i < 4; i++) t.push(await ttf(['dist/tkesim.js', 'replay', f, '--speed', '0.25'], /REPLAY .* · step \d+\//));
  console.log(f, t.map((x) => x.toFixed(0)).join(' '));
}
