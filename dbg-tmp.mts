import { measureRecordingLatency } from './scripts/bench/typing-latency.ts';
console.log(await measureRecordingLatency(2));
