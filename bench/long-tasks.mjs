// Where the main thread's time goes while a page loads (a diagnostic for issue 11's blocking
// time; not part of `cargo xtask bench`): loads URL in Chromium at 4× CPU slowdown, twice, in
// fresh contexts, traces it until the app has taken over plus 1.5 s, and prints every main-thread
// task over 50 ms with the trace events inside it that took longest (wasm.CompileLazy: V8
// compiling wasm functions on their first call; Layout; EvaluateScript: parsing the JS glue),
// and the blocking time they add up to. Usage: node bench/long-tasks.mjs http://127.0.0.1:8080/roadmap
import { launch, appReady, probe, TEXT_SELECTOR, CPU_SLOWDOWN } from './text-first-probe.mjs';

const url = process.argv[2];
if (!url) throw new Error('usage: node bench/long-tasks.mjs URL');
const CATEGORIES = 'devtools.timeline,disabled-by-default-devtools.timeline,v8,v8.wasm,disabled-by-default-v8.wasm.detailed,disabled-by-default-v8.compile,v8.execute,blink,loading';
const browser = await launch();
for (let run = 1; run <= 2; run++) {
  const context = await browser.newContext();
  await context.addInitScript(probe, TEXT_SELECTOR);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  await page.goto(url, { waitUntil: 'commit' });
  await appReady(page);
  await page.waitForTimeout(1500);
  await cdp.send('Tracing.end');
  await complete;
  const renderer = events.find((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain')?.tid;
  const start = Math.min(...events.filter((e) => e.tid === renderer && e.ts).map((e) => e.ts));
  const ms = (us) => (us / 1000).toFixed(0);
  let blocking = 0;
  console.log(`run ${run}: ${url}`);
  // Marks the app's code may print while a task is investigated
  // (`web_sys::console::time_stamp_with_data(&"label".into())`): listed in order among the tasks.
  const stamps = events.filter((e) => e.tid === renderer && e.name === 'TimeStamp');
  const printStampsUntil = (ts) => {
    while (stamps.length && stamps[0].ts <= ts) {
      const e = stamps.shift();
      console.log(`  at ${ms(e.ts - start)} ms: mark ${e.args.data?.message ?? ''}`);
    }
  };
  for (const task of events.filter((e) => e.tid === renderer && e.name === 'RunTask' && e.dur > 50000)) {
    printStampsUntil(task.ts);
    const inside = {};
    for (const e of events) {
      if (e.tid === renderer && e.dur && e.name !== 'RunTask' && e.ts >= task.ts && e.ts < task.ts + task.dur) {
        inside[e.name] = (inside[e.name] ?? 0) + e.dur;
      }
    }
    blocking += task.dur / 1000 - 50;
    const top = Object.entries(inside).sort((a, b) => b[1] - a[1]).slice(0, 10);
    console.log(`  at ${ms(task.ts - start)} ms, ${ms(task.dur)} ms: ${top.map(([k, v]) => `${k} ${ms(v)}`).join(', ')}`);
  }
  printStampsUntil(Infinity);
  const marks = await page.evaluate(() => window.__sbBench);
  console.log(`  blocking time ${blocking.toFixed(0)} ms (4× CPU); app ready at ${marks.ready?.toFixed(0)} ms`);
  await context.close();
}
await browser.close();
