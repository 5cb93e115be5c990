// Writes README's benchmark table from bench/results.json (the last `npm run bench`), between the
// <!-- bench:start --> and <!-- bench:end --> markers. Run by `npm run bench` after the benchmarks.
import { readFileSync, writeFileSync } from 'node:fs';

const r = JSON.parse(readFileSync('bench/results.json', 'utf8'));
const PEERS = ['driver.js', 'Shepherd.js', 'intro.js'];
const kb = (n) => (typeof n === 'number' ? `${(n / 1024).toFixed(1)} KB` : '—');
const ms = (n, digits = 1) => (typeof n === 'number' ? `${n.toFixed(digits)} ms` : '—');
const ratio = (peer, ours) => (typeof peer === 'number' && typeof ours === 'number' && ours > 0 ? ` (${(peer / ours).toFixed(2)}×)` : '');

const rows = [];
const row = (measure, ours, peers) => rows.push(`| ${measure} | ${ours} | ${peers.join(' | ')} |`);
const s = r.sizes;
if (s) {
  row('tip up front, gzip JS + CSS', kb(s.ours.tip), PEERS.map((p) => `${kb(s.peers[p])}${ratio(s.peers[p], s.ours.tip)}`));
  row('tip + tour up front', kb(s.ours.tipAndTour), PEERS.map((p) => `${kb(s.peers[p])}${ratio(s.peers[p], s.ours.tipAndTour)}`));
  row('tip, Lit external', kb(s.ours.tipLitExternal), PEERS.map(() => '—'));
  row('tip + tour, Lit external', kb(s.ours.tipAndTourLitExternal), PEERS.map(() => '—'));
  row('every element (all.js)', kb(s.ours.all), PEERS.map(() => '—'));
}
const tips = r.tips?.showMs;
if (tips) row('tip shown and placed (median)', ms(tips['ehr-guide <ehr-tip>']?.median), PEERS.map((p) => `${ms(tips[p]?.median)}${ratio(tips[p]?.median, tips['ehr-guide <ehr-tip>']?.median)}`));
const tours = r.tours?.ms;
if (tours) {
  const o = tours['ehr-guide <ehr-tour>'];
  row('tour start → step 1 placed (median)', ms(o?.first.median), PEERS.map((p) => `${ms(tours[p]?.first.median)}${ratio(tours[p]?.first.median, o?.first.median)}`));
  row('next → step 2 placed (median)', ms(o?.next.median), PEERS.map((p) => `${ms(tours[p]?.next.median)}${ratio(tours[p]?.next.median, o?.next.median)}`));
  if (o?.last) row('next → step 3 placed (median)', ms(o.last.median), PEERS.map((p) => `${ms(tours[p]?.last?.median)}${ratio(tours[p]?.last?.median, o.last.median)}`));
}
const it = r.interactive?.ms;
if (it) {
  const o = it['ehr-guide <ehr-tour>'];
  const peer = { 'driver.js': 'driver.js (host listener)', 'Shepherd.js': 'Shepherd.js (advanceOn)', 'intro.js': 'intro.js (host listener)' };
  row('interactive step: click on the control → next step placed (median)', ms(o?.afterClick.median), PEERS.map((p) => `${ms(it[peer[p]]?.afterClick.median)}${ratio(it[peer[p]]?.afterClick.median, o?.afterClick.median)}`));
}
const lp = r.longPageTour?.results;
if (lp) {
  const o = lp['ehr-guide <ehr-tour>'];
  const c = lp['ehr-guide <ehr-tour> (compiled pack)'];
  row('10-step tour on a 5,000-element page: steps seen', `${o?.stepsReachedMedian} of 10`, PEERS.map((p) => `${lp[p]?.stepsReachedMedian ?? '—'} of 10`));
  row('longest main-thread task, start → step 1 (cold)', `${ms(o?.longestStartTaskMs)}${c ? ` (compiled pack: ${ms(c.longestStartTaskMs)})` : ''}`, PEERS.map((p) => ms(lp[p]?.longestStartTaskMs)));
  const left = (x) => (x ? `${x.leftBehind.nodes} / ${x.leftBehind.listeners} / ${x.leftBehind.heapKB ?? '—'} KB` : '—');
  const tipLeft = (x) => (x?.tipCycles ? `${x.tipCycles.nodes} / ${x.tipCycles.listeners} / ${x.tipCycles.heapKB} KB` : '—');
  row('after 20 tours: nodes / listeners / heap after GC', left(o), PEERS.map((p) => left(lp[p])));
  row('after 200 tip cycles: nodes / listeners / heap after GC', tipLeft(o), PEERS.map((p) => tipLeft(lp[p])));
}
const e = r.engine;
if (e) {
  rows.push(`| trigger evaluation per context change, example packs, whole record (p50 / p90) | ${ms(e.examplePacks.median)} / ${ms(e.examplePacks.p90)} | ours only | | |`);
}
const st = r.startup;
if (st) {
  rows.push(`| EHR page on a patient → first decisions / first beacon | ${ms(st.pageFirstDecisionsMs, 0)} / ${ms(st.pageFirstBeaconMs, 0)} | ours only | | |`);
  rows.push(`| SMART \`ready()\` → first decisions (sandbox) | ${ms(st.smartReadyToFirstDecisionsMs, 0)} | ours only | | |`);
}
const dates = [r.sizes?.date, r.tips?.date, r.longPageTour?.date, r.engine?.date, r.startup?.date].filter(Boolean).sort();
const table = [
  `Last \`npm run bench\`: ${dates.at(-1)?.slice(0, 10) ?? 'never'}, ${r.tips?.browser ? `headless Chromium ${r.tips.browser}` : 'headless Chromium'}, this project's 2-core machine; (×) = peer ÷ ehr-guide (above 1: ehr-guide is smaller or faster).`,
  '',
  '| measure | ehr-guide | driver.js | Shepherd.js | intro.js |',
  '|---|---|---|---|---|',
  ...rows,
].join('\n');

const readme = readFileSync('README.md', 'utf8');
const start = readme.indexOf('<!-- bench:start -->');
const end = readme.indexOf('<!-- bench:end -->');
if (start < 0 || end < start) throw new Error('README.md has no <!-- bench:start --> … <!-- bench:end --> markers');
writeFileSync('README.md', `${readme.slice(0, start)}<!-- bench:start -->\n${table}\n${readme.slice(end)}`);
console.log('gen-bench-table: README.md benchmark table written from bench/results.json');
