// The broadcast overlay, /overlay/{id}?code=…&layout=lower-third|reveal|top3 (or ?token=… of a screen): a transparent
// browser source for OBS or vMix that follows the operator's screen mode. Each layout shows itself only when the hall's
// screen shows its kind — the lower third (who is on stage, then their round score) in the stage and reveal modes,
// the judges' scores in the reveal mode, the top three in the ranking and podium modes — and is empty otherwise, so a
// mixer can keep all three sources on. It signs in like a big screen (a screen code, e.g. subject "overlay").
import { h, render, $, fmt } from './dom.js';
import { L } from './i18n.js';
import { client, ApiError } from './api.js';
import { byCode, stored, save } from './session.js';
import { followScreen } from './live.js';
import { names, ranked } from './names.js';

const main = $('#main');
const params = new URLSearchParams(location.search);
const finalId = decodeURIComponent(location.pathname.split('/').filter(Boolean)[1] ?? '');
const layout = ['lower-third', 'reveal', 'top3'].includes(params.get('layout')) ? params.get('layout') : 'lower-third';
const page = `overlay.${finalId}`;

let definition = null;
let state = null;

/** A token given in the address, a code redeemed once (then kept out of the address), or this source's stored session. */
async function session() {
  if (params.get('token')) return { token: params.get('token'), finalId };
  if (params.get('code')) {
    const s = await byCode(finalId, params.get('code'));
    if (s.role !== 'screen') throw new Error(L('叠加层需要大屏（screen）访问码。', 'An overlay needs a screen code.'));
    save(page, s);
    params.delete('code');
    history.replaceState(null, '', `${location.pathname}?${params}`);
    return s;
  }
  const mine = stored(page);
  if (mine) return mine;
  throw new Error(L('地址中缺少大屏访问码（?code=…）。', 'The address needs a screen code (?code=…).'));
}

// Shown only when something is wrong: in a mixer's preview it says why the source stays empty.
const note = (text) => render(main, h('div', { class: 'overlay-note', id: 'overlay-note' }, text));

try {
  const s = await session();
  let definitionAt = -1; // the version of the final when the definition shown was read
  const read = async () => { const info = await client(s).final('/info'); definition = info.definition; definitionAt = info.version; draw(); };
  await read();
  followScreen(s.token, finalId, (next) => {
    state = next;
    if (state.definitionVersion > definitionAt) { definitionAt = state.definitionVersion; read(); } // amended, or a draw renumbered
    draw();
  }, () => {}, (e) => note(e.message));
} catch (e) {
  note(e instanceof ApiError ? e.message : e.message ?? String(e));
}

function draw() {
  if (!definition || !state) return;
  const n = names(definition);
  const views = { 'lower-third': lowerThird, reveal: revealStrip, top3: topThree };
  render(main, views[layout](n));
}

function lowerThird(n) {
  if (!['stage', 'reveal'].includes(state.mode) || !state.stage) return null;
  const c = n.contestant(state.stage.contestant);
  const r = state.reveal && state.reveal.contestant === state.stage.contestant ? state.reveal : null;
  return h('div', { class: 'lower-third', id: 'lower-third' },
    h('div', { class: 'tag' }, L(`${c.order ?? ''} 号`, `No. ${c.order ?? ''}`)),
    h('div', { class: 'body' }, h('div', { class: 'name' }, c.name), h('div', { class: 'meta' }, [c.unit, n.round(state.stage.round)].filter(Boolean).join(' · '))),
    r && h('div', { class: 'score', id: 'lower-third-score' }, fmt(r.score, n.decimals())));
}

function revealStrip(n) {
  const r = state.reveal;
  if (state.mode !== 'reveal' || !r) return null;
  return h('div', { class: 'reveal-strip', id: 'reveal-strip' },
    h('div', { class: 'title' }, n.contestant(r.contestant).name, ' · ', n.round(r.round)),
    h('div', { class: 'sheets' }, r.sheets.map((s) => h('div', { class: s.counted ? 'sheet' : 'sheet dropped', dataset: { judge: s.judge } },
      h('div', { class: 'score' }, fmt(s.total)), h('div', { class: 'judge' }, n.judge(s.judge))))),
    h('div', { class: 'round-score' }, L('本轮得分 ', 'Round score '), h('b', {}, fmt(r.score, n.decimals()))));
}

function topThree(n) {
  if (!['ranking', 'podium'].includes(state.mode)) return null;
  const rows = state.standings.rows.filter(ranked).filter((r) => r.rank <= 3);
  if (!rows.length) return null;
  return h('div', { class: 'top3', id: 'top3' },
    h('h2', {}, state.published ? L('最终排名', 'Final ranking') : L('实时排名', 'Live ranking')),
    h('table', {}, rows.map((row) => h('tr', { dataset: { contestant: row.contestant } },
      h('td', { class: 'rank' }, row.rank), h('td', {}, row.name), h('td', { class: 'total' }, fmt(row.total, n.decimals()))))));
}
