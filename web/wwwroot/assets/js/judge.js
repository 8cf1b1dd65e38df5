// The judge's tablet: the contestant on stage, the rubric with step-aware entry, a confirm step, and a sync state
// that is always visible. Sheets go through the outbox (kept on the device until the server has them).
import { h, render, $ } from './dom.js';
import { L, onLanguage, languageSwitch, applyStatic } from './i18n.js';
import { client, ApiError } from './api.js';
import { signIn, signOutButton, signedOut, describe } from './session.js';
import { keepConnected } from './live.js';
import { createOutbox, newSubmissionId } from './outbox.js';
import { scale, clamp, toNumber, fromNumber, show, total } from './steps.js';

const main = $('#main');
// Keeps the page itself on the tablet (sw.js) so that a reload without network still opens it. Browsers allow this
// only in a secure context (https, or localhost); on plain http over the LAN the outbox still works, without reloads.
navigator.serviceWorker?.register('/sw.js').catch((e) => console.warn('Arena: no offline page shell:', e));
const sync = h('span', { id: 'sync', class: 'pill', role: 'status', 'aria-live': 'polite' });
$('#bar').append(sync, languageSwitch());
applyStatic();

const session = await signIn('judge', main, { roles: ['judge'] });
const me = session.subject;
const api = client(session);
const draftKey = `arena.draft.${session.finalId}.${me}`;

let info = null;
let sheets = {};          // "contestant/round" → the server's view of my sheet
let chosen = null;        // open gate: the contestant/round the judge picked
let confirming = false;
let typing = null;        // a typed value that was refused: { key, text, error }
// What the judge is typing into a score box, not yet committed: { key, text }. A live update (a stage push, a reply)
// redraws the page; without this the half-typed text would vanish under the judge's finger.
let editing = null;
let refreshes = 0;        // only the newest refresh draws: an older reply arriving late must not undo a newer one
let notice = null;        // { kind, text } shown above the form
let connected = false;
let drafts = JSON.parse(localStorage.getItem(draftKey) ?? '{}');
// What this tablet last had acknowledged per sheet: a reopened sheet is corrected from it (the server withdraws it).
const sentKey = `arena.sent.${session.finalId}.${me}`;
const sent = JSON.parse(localStorage.getItem(sentKey) ?? '{}');

const key = (t) => `${t.contestant}/${t.round}`;
const saveDrafts = () => localStorage.setItem(draftKey, JSON.stringify(drafts));

const outbox = createOutbox(`arena.outbox.${session.finalId}.${me}`, (body) => api.act('/scores', body), {
  accepted(body, ack) {
    sheets[key(body)] = { state: 'submitted', total: ack.total, criteria: body.criteria ?? null, score: body.score };
    delete drafts[key(body)]; saveDrafts();
    sent[key(body)] = { criteria: body.criteria ?? null, score: body.score ?? null };
    localStorage.setItem(sentKey, JSON.stringify(sent));
    notice = { kind: 'ok', text: L(`服务器已收到您的评分（${nameOf(body.contestant)}：${ack.total}）`, `Received by the server (${nameOf(body.contestant)}: ${ack.total})`) };
    draw();
  },
  refused(body, e) {
    notice = { kind: 'bad', text: L(`服务器拒绝了对 ${nameOf(body.contestant)} 的评分：`, `The server refused the sheet for ${nameOf(body.contestant)}: `) + e.message };
    refresh();
  },
  change: () => drawSync(),
});

function nameOf(id) { return info?.definition.contestants.find((c) => c.id === id)?.name ?? id; }

// The last view the server gave, kept on the device: a tablet reloaded while the Wi-Fi is down (the service worker
// serves the page itself) still shows the contestant and the sheets it holds.
const viewKey = `arena.view.${session.finalId}.${me}`;

async function refresh() {
  const mine = ++refreshes;
  try {
    const [i, all] = await Promise.all([api.final('/info'), api.final('/sheets')]);
    if (mine !== refreshes) return;
    info = i;
    sheets = {};
    for (const s of all.filter((x) => x.judge === me)) sheets[key(s)] = s;
    localStorage.setItem(viewKey, JSON.stringify({ info, sheets }));
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) { signedOut('judge', e); return; }
    if (mine !== refreshes) return;
    if (!(e instanceof TypeError)) notice = { kind: 'bad', text: describe(e) };
    else if (!info) ({ info, sheets } = JSON.parse(localStorage.getItem(viewKey) ?? '{"info":null,"sheets":{}}'));
  }
  draw();
}

/** What this judge is scoring now: the stage when the final is gated, else the judge's pick (or the stage). */
function target() {
  if (!info) return null;
  if (info.definition.gate === 'on-stage') return info.stage;
  return chosen ?? info.stage ?? { contestant: sorted()[0].id, round: info.definition.rounds[0].id };
}

const sorted = () => [...info.definition.contestants].sort((a, b) => a.order - b.order);
/** The contestant's withdrawal (弃权 / 缺席) as the server last said, or undefined. */
const withdrawal = (id) => (info?.withdrawn ?? []).find((w) => w.contestant === id);
const outLabel = (w) => (w.kind === 'absent' ? L('缺席', 'absent') : L('弃权', 'withdrawn'));

function drawSync() {
  const queued = outbox.pending().length;
  const live = outbox.online && connected;
  sync.className = 'pill ' + (queued && !outbox.online ? 'bad' : queued ? 'warn' : live ? 'ok' : 'warn');
  sync.textContent = queued && !outbox.online ? L(`离线：${queued} 份评分保存在本机，联网后自动发送`, `Offline: ${queued} sheet(s) kept on this tablet, sent when back online`)
    : queued ? L(`正在发送 ${queued} 份评分…`, `Sending ${queued} sheet(s)…`)
      : live ? L('在线 · 已同步', 'Online · in sync') : L('连接中断，正在重连…', 'Connection lost, reconnecting…');
}

// Chromium commits a focused text box (fires `change`) when a redraw removes it, which draws again from inside the
// redraw; the outer one would then put back what it built before the commit (a refused value's error vanished on
// CI this way). So a draw asked for while drawing runs right after it instead.
let drawing = false;
let drawAgain = false;
function draw() {
  if (drawing) { drawAgain = true; return; }
  drawing = true;
  try { drawOnce(); } finally { drawing = false; }
  if (drawAgain) { drawAgain = false; draw(); }
}

function drawOnce() {
  drawSync();
  if (!info) { render(main, h('p', { class: 'muted' }, L('正在加载…', 'Loading…'))); return; }
  const d = info.definition;
  const judge = d.judges.find((j) => j.id === me);
  const t = target();
  render(main,
    h('p', { class: 'who-line' }, h('b', {}, d.title), ' · ', L(`评委：${judge?.name ?? me}`, `Judge: ${judge?.name ?? me}`)),
    d.gate !== 'on-stage' && picker(d),
    notice && h('p', { class: `notice ${notice.kind}`, role: 'status', id: 'notice' }, notice.text),
    t ? sheetCard(d, judge, t) : h('section', { class: 'card waiting' }, h('h2', {}, L('等待主持人叫号', 'Waiting for the next contestant')),
      h('p', { class: 'muted' }, L('选手上台后，评分表会自动出现。', 'The score sheet appears when a contestant is called to the stage.'))));
}

function picker(d) {
  const t = target();
  return h('section', { class: 'card picker' },
    d.rounds.length > 1 && h('div', { class: 'row' }, d.rounds.map((r) =>
      h('button', { type: 'button', class: r.id === t.round ? 'active' : '', onclick: () => { chosen = { contestant: t.contestant, round: r.id }; confirming = false; draw(); } }, r.title || r.id))),
    h('div', { class: 'row' }, sorted().map((c) => {
      const s = sheets[`${c.id}/${t.round}`];
      const out = withdrawal(c.id);
      const mark = out ? ` · ${outLabel(out)}` : s?.state === 'submitted' ? ' ✓' : s?.state === 'reopened' ? ' ↺' : '';
      return h('button', { type: 'button', class: [c.id === t.contestant ? 'active' : '', out ? 'withdrawn' : ''].join(' ').trim(), onclick: () => { chosen = { contestant: c.id, round: t.round }; confirming = false; notice = null; draw(); } }, c.name + mark);
    })));
}

function sheetCard(d, judge, t) {
  const contestant = d.contestants.find((c) => c.id === t.contestant);
  const round = d.rounds.find((r) => r.id === t.round);
  const head = h('div', { class: 'contestant' }, h('div', { class: 'order' }, L(`${contestant.order} 号`, `No. ${contestant.order}`)),
    h('h2', { id: 'contestant-name' }, contestant.name), h('div', { class: 'muted' }, contestant.unit ?? ''),
    h('div', { class: 'round' }, round.title || round.id));
  const k = key(t);
  const sheet = sheets[k];
  const queued = outbox.pending().find((b) => key(b) === k);
  let body;
  const out = withdrawal(t.contestant);
  if (out) body = h('p', { class: 'notice warn', id: 'withdrawn' }, L(`该选手已${outLabel(out)}，不再评分。`, `This contestant is ${outLabel(out)}; there is nothing to score.`));
  else if (judge?.recusals?.includes(t.contestant)) body = h('p', { class: 'notice info', id: 'recused' }, L('您已回避该选手，不参与此选手的评分。', 'You are recused for this contestant and do not score them.'));
  else if (!assigned(d, judge, round)) body = h('p', { class: 'notice info' }, L('您不参与本轮评分。', 'You do not score this round.'));
  else if (queued) body = h('p', { class: 'notice warn', id: 'queued' }, L('评分已保存在本机，正在等待发送到服务器…', 'Kept on this tablet; waiting to reach the server…'));
  else if (sheet?.state === 'submitted') body = received(round, sheet);
  else body = entry(round, k, t, sheet);
  return h('section', { class: 'card sheet' }, head, body);
}

function assigned(d, judge, round) {
  if (!judge) return false;
  if (round.judges?.length) return round.judges.includes(judge.id);
  if (round.panels?.length) return round.panels.some((p) => p.id === judge.panel);
  return true;
}

function scalesOf(round) {
  if (round.criteria?.length) return round.criteria.map((c) => ({ ...scale(c), key: c.id }));
  return [{ ...scale({ id: null, title: round.title, max: round.max, step: round.step }), key: '_score' }];
}

function received(round, sheet) {
  const values = sheet.criteria ?? {};
  return h('div', { class: 'received', id: 'received' },
    h('div', { class: 'big-check' }, '✓'), h('h3', {}, L('服务器已收到您的评分', 'Received by the server')),
    round.criteria?.length && h('ul', {}, round.criteria.map((c) => h('li', {}, `${c.title}: ${values[c.id] ?? '—'}`))),
    h('div', { class: 'total-line' }, L('总分 ', 'Total '), h('b', {}, String(sheet.total))));
}

function entry(round, k, t, sheet) {
  const scales = scalesOf(round);
  if (!drafts[k]) {
    drafts[k] = {};
    // A reopened sheet starts from what the judge had sent, so a correction changes only what is wrong.
    for (const s of scales) {
      const before = sheet?.criteria || sheet?.total != null ? { criteria: sheet.criteria, score: sheet.total } : sent[k];
      const previous = s.key === '_score' ? before?.score : before?.criteria?.[s.key];
      drafts[k][s.key] = previous === null || previous === undefined ? null : fromNumber(s, previous);
    }
  }
  const values = drafts[k];
  const sum = total(scales, values);
  const reopened = sheet?.state === 'reopened' && h('p', { class: 'notice warn', id: 'reopened' },
    L(`主裁判退回了此评分，请修改后重新提交。原因：${sheet.reopenReason ?? ''}`, `The chief judge reopened this sheet; correct it and submit again. Reason: ${sheet.reopenReason ?? ''}`));
  if (confirming) {
    return h('div', { class: 'confirm' }, reopened,
      h('h3', {}, L('请确认评分', 'Please confirm')),
      h('table', {}, scales.map((s) => h('tr', {}, h('td', {}, s.title), h('td', { class: 'num' }, show(s, values[s.key]))))),
      h('div', { class: 'total-line' }, L('总分 ', 'Total '), h('b', { id: 'confirm-total' }, sum)),
      h('div', { class: 'row actions' },
        h('button', { type: 'button', onclick: () => { confirming = false; draw(); } }, L('返回修改', 'Back to edit')),
        h('button', { type: 'button', class: 'primary', id: 'submit', onclick: () => submit(round, t, scales, values) }, L('提交评分', 'Submit'))));
  }
  const set = (s, units) => { values[s.key] = clamp(s, units); saveDrafts(); notice = null; typing = null; editing = null; draw(); };
  return h('div', { class: 'entry' }, reopened,
    scales.map((s) => {
      const v = values[s.key];
      const slider = h('input', { type: 'range', min: 0, max: s.maxUnits, step: s.stepUnits, value: v ?? 0, 'aria-label': s.title });
      slider.addEventListener('change', () => set(s, Number(slider.value)));
      // A fine step (0.01 of 100 points) is typed, not tapped; ±1 buttons move it by whole points.
      const coarse = s.maxUnits / s.stepUnits > 200 ? s.unit : 0;
      const bump = (units, label, cls) => h('button', { type: 'button', class: cls, 'aria-label': `${s.title} ${label}`, onclick: () => set(s, (v ?? 0) + units) }, label);
      return h('div', { class: 'criterion', dataset: { criterion: s.key } },
        h('div', { class: 'criterion-head' }, h('span', { class: 'title' }, s.title),
          h('span', { class: 'muted' }, L(`满分 ${s.max} · 步长 ${s.step}`, `max ${s.max} · step ${s.step}`))),
        h('div', { class: 'stepper' },
          coarse ? bump(-coarse, '−1', 'minus-coarse') : null,
          h('button', { type: 'button', class: 'minus', 'aria-label': L(`${s.title} 减 ${s.step}`, `${s.title} minus ${s.step}`), onclick: () => set(s, (v ?? 0) - s.stepUnits) }, '−'),
          h('output', { class: v === null ? 'value unset' : 'value' }, show(s, v)),
          h('button', { type: 'button', class: 'plus', 'aria-label': L(`${s.title} 加 ${s.step}`, `${s.title} plus ${s.step}`), onclick: () => set(s, (v ?? 0) + s.stepUnits) }, '+'),
          coarse ? bump(coarse, '+1', 'plus-coarse') : null,
          typed(`${k}|${s.key}`, s, v, set)),
        typing?.key === s.key && h('p', { class: 'error', role: 'alert' }, typing.error),
        slider);
    }),
    h('div', { class: 'total-line' }, L('总分 ', 'Total '), h('b', { id: 'running-total' }, sum ?? '—')),
    h('button', { type: 'button', class: 'primary wide', id: 'confirm', disabled: sum === null, onclick: () => { confirming = true; draw(); } },
      sum === null ? L('请为每一项打分', 'Score every item first') : L('确认评分', 'Review and confirm')));
}

/**
 * The keyboard way in: a value is taken only when it is a multiple of the step within [0, max]; anything else is
 * refused with the reason, never rounded behind the judge's back. It is taken on Enter or when the box loses focus;
 * until then the text survives redraws (see `editing`).
 */
function typed(id, s, v, set) {
  const text = editing?.key === id ? editing.text : typing?.key === s.key ? typing.text : v === null ? '' : show(s, v);
  const input = h('input', { type: 'text', inputmode: 'decimal', class: 'typed', autocomplete: 'off', value: text, id: `typed-${s.key}`,
    'aria-label': L(`${s.title}：输入分数`, `${s.title}: type the score`), placeholder: L('输入', 'type') });
  input.addEventListener('input', () => { editing = { key: id, text: input.value }; });
  let taken = false;
  const take = () => {
    if (taken || editing?.key !== id) return; // nothing typed into this box since it was drawn
    taken = true;
    editing = null;
    const text = input.value.trim().replace('，', '.').replace(',', '.');
    const x = Number(text);
    const units = Math.round(x * s.unit);
    const ok = text !== '' && Number.isFinite(x) && Math.abs(x * s.unit - units) < 1e-6 && units % s.stepUnits === 0 && units >= 0 && units <= s.maxUnits;
    if (ok) { set(s, units); return; }
    typing = { key: s.key, text: input.value, error: L(`请输入 0 到 ${s.max} 之间、步长为 ${s.step} 的分数`, `Enter a score from 0 to ${s.max} in steps of ${s.step}`) };
    draw();
  };
  input.addEventListener('change', take);
  input.addEventListener('keydown', (e) => { if (e.key === 'Enter') take(); });
  return input;
}

async function submit(round, t, scales, values) {
  const body = { submissionId: newSubmissionId(), contestant: t.contestant, round: t.round };
  if (round.criteria?.length) body.criteria = Object.fromEntries(scales.map((s) => [s.key, toNumber(s, values[s.key])]));
  else body.score = toNumber(scales[0], values._score);
  confirming = false;
  notice = null;
  const sending = outbox.submit(body);
  draw();
  await sending;
  draw();
}

keepConnected('/hubs/judge', session.token, {
  build: (c) => {
    c.on('stage', () => { chosen = null; confirming = false; notice = null; refresh(); });
    // The admin amended the final (a name, the rubric, a judge): read the definition again, keep what is typed.
    c.on('definition', () => refresh());
    c.on('reopened', (r) => {
      notice = { kind: 'warn', text: L(`主裁判退回了您对 ${nameOf(r.contestant)} 的评分：${r.reason}`, `The chief judge reopened your sheet for ${nameOf(r.contestant)}: ${r.reason}`) };
      if (info?.definition.gate !== 'on-stage') chosen = { contestant: r.contestant, round: r.round };
      refresh();
    });
  },
  up,
  // A closed connection may be a revoked code: the next read says so at once (401) instead of at the next poll.
  down: () => { connected = false; drawSync(); refresh(); },
});
async function up() { connected = true; await refresh(); outbox.flush(); }
// While the hub is down the judge still sees the stage change, a little later.
setInterval(() => { if (!connected) refresh(); }, 5000);
window.addEventListener('online', () => { drawSync(); outbox.flush(); });
window.addEventListener('offline', drawSync);
onLanguage(draw);
$('#bar').append(signOutButton('judge'));
draw();
refresh(); // at once, not after the hub: offline, this is what shows the view kept on the tablet
