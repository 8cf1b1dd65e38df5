// The chief judge's page: who has scored (contestants × judges for a round), sheets far from the others flagged,
// and the chief's actions, each with a reason: reopen a sheet, adjust a score, close a round; then publish.
import { h, render, $, fmt } from './dom.js';
import { L, onLanguage, languageSwitch, applyStatic } from './i18n.js';
import { client, request, ApiError } from './api.js';
import { signIn, signOutButton, isRevoked, signedOut, describe } from './session.js';
import { followScreen } from './live.js';
import { latest } from './latest.js';
import { outliers } from './outliers.js';
import { standingsTable, withdrawnLabel } from './standings-table.js';
import { judgeReportCard } from './judge-report.js';
import { signOffCard } from './sign-off.js';

const main = $('#main');
const live = h('span', { class: 'pill', id: 'live' });
$('#bar').append(live, languageSwitch());
applyStatic();
const session = await signIn('chief', main, { roles: ['judge'] });
$('#bar').append(signOutButton('chief'));
const api = client(session);
const info = await api.final('/info');
const definition = info.definition;
const me = definition.judges.find((j) => j.id === session.subject);
const order = [...definition.contestants].sort((a, b) => a.order - b.order);
const nameOf = (id) => definition.judges.find((j) => j.id === id)?.name ?? definition.contestants.find((c) => c.id === id)?.name ?? id;
const settings = JSON.parse(localStorage.getItem('arena.chief.outliers') ?? '{"points":10,"sds":2}');

let round = info.stage?.round ?? definition.rounds[0].id;
let sheets = [];
let standings = null;
let action = null;   // the open dialog: { kind: 'reopen'|'adjust'|'close'|'publish', contestant?, judge? }
let message = null;  // { kind, text }
let signOff = info.signOff; // two-person sign-off: what waits for a supervisor (re-read with every load)
let report = null;   // the judges' consistency figures, when the chief asked for them (with this page's thresholds)

// Every live update asks for the sheets and standings again; a burst of sheets costs one read at a time (latest.js).
const load = latest(async () => {
  try {
    let fresh;
    [sheets, standings, fresh] = await Promise.all([api.final('/sheets'), api.final('/standings'), signOff?.required ? api.final('/info') : null]);
    if (fresh) signOff = fresh.signOff;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) { signedOut('chief', e); return; }
    message = { kind: 'bad', text: describe(e) };
  }
  draw();
});

if (!me?.chief) render(main, h('p', { class: 'error' }, L('只有主裁判可以使用本页面。', 'Only the chief judge can use this page.')));
else {
  // An amended definition (names, rubric, judges) is read by loading the page again, unless a dialog is open.
  followScreen(session.token, session.finalId, (s) => (s.definitionVersion > info.version && !action ? location.reload() : load()), (up) => {
    live.className = up ? 'pill ok' : 'pill bad';
    live.textContent = up ? L('已连接', 'Live') : L('连接中断', 'Disconnected');
  }, (e) => { if (isRevoked(e)) signedOut('chief', e); });
  onLanguage(draw);
}

function draw() {
  const r = definition.rounds.find((x) => x.id === round);
  const row = (c) => sheets.filter((s) => s.contestant === c.id && s.round === round);
  const points = h('input', { id: 'outlier-points', type: 'number', min: 0, step: 0.5, value: settings.points });
  const sds = h('input', { id: 'outlier-sds', type: 'number', min: 0, step: 0.5, value: settings.sds });
  const saveSettings = () => { settings.points = Number(points.value); settings.sds = Number(sds.value); localStorage.setItem('arena.chief.outliers', JSON.stringify(settings)); draw(); };
  points.addEventListener('change', saveSettings); sds.addEventListener('change', saveSettings);
  render(main,
    message && h('p', { class: `notice ${message.kind}`, role: 'status', id: 'message' }, message.text),
    action && dialog(),
    h('section', { class: 'card' },
      h('div', { class: 'row' }, definition.rounds.map((x) => h('button', { type: 'button', class: x.id === round ? 'active' : '', onclick: () => { round = x.id; draw(); } }, x.title || x.id)),
        h('span', { class: 'spacer' }),
        h('label', { for: 'outlier-points' }, L('偏离中位数超过（分）', 'Flag beyond (points from median)')), points,
        h('label', { for: 'outlier-sds' }, L('或标准差倍数', 'or standard deviations')), sds),
      h('div', { class: 'grid-scroll' }, h('table', { id: 'grid', class: 'grid' },
        h('tr', {}, h('th', {}, L('选手', 'Contestant')), definition.judges.map((j) => h('th', { class: 'num' }, j.name)),
          h('th', { class: 'num' }, L('本轮得分', 'Round score'))),
        order.map((c) => {
          const cells = row(c);
          const flag = outliers(cells.filter((s) => s.state === 'submitted').map((s) => s.total), settings);
          const st = standings?.rows.find((x) => x.contestant === c.id);
          const out = st?.withdrawn;
          // The chief's actions sit under the name, so that nine judges' columns and the actions fit a 768 px tablet.
          return h('tr', { class: out ? 'withdrawn' : '', dataset: { contestant: c.id } },
            h('td', { class: 'who' }, h('b', {}, c.name), ' ', h('small', { class: 'muted' }, c.order),
              out && [' ', h('span', { class: 'pill bad' }, withdrawnLabel(out))],
              h('div', { class: 'row-actions' }, out
                ? h('button', { type: 'button', class: 'undo-withdrawal', onclick: () => open({ kind: 'undo', contestant: c.id }) }, L('撤销弃权', 'Undo withdrawal'))
                : [h('button', { type: 'button', class: 'adjust', onclick: () => open({ kind: 'adjust', contestant: c.id }) }, L('加减分', 'Adjust')),
                  h('button', { type: 'button', class: 'close-round', onclick: () => open({ kind: 'close', contestant: c.id }) }, L('结束本轮', 'Close round')),
                  h('button', { type: 'button', class: 'withdraw', onclick: () => open({ kind: 'withdraw', contestant: c.id }) }, L('弃权/缺席', 'Withdraw'))])),
            definition.judges.map((j) => cell(c, j, cells.find((s) => s.judge === j.id), flag)),
            h('td', { class: 'num' }, fmt(st?.rounds?.[round], definition.rounding?.decimals), ' ',
              cells.length && cells.every((s) => s.state === 'submitted') ? h('span', { class: 'pill ok' }, L('完成', 'complete')) : ''));
        }))),
      h('p', { class: 'muted' }, L(`${r.title}：点击已提交的分数可退回给评委修改。⚠ 为偏离其他评委较多的分数。`,
        `${r.title || r.id}: tap a submitted score to reopen it for the judge. ⚠ marks a score far from the others.`))),
    standings && h('section', { class: 'card' }, h('h2', {}, L('成绩', 'Standings')), standingsTable(definition, standings),
      h('div', { class: 'row spaced' }, standings.published ? h('span', { class: 'pill ok', id: 'published' }, L('结果已发布', 'Results published'))
        : signOff?.pending.some((p) => p.kind === 'publication') ? h('span', { class: 'pill warn', id: 'publication-pending' }, L('发布待监督确认', 'Publication waits for the supervisor'))
        : h('button', { type: 'button', class: 'primary', id: 'publish', onclick: () => open({ kind: 'publish' }) },
          signOff?.required ? L('提交发布（需监督确认）', 'Ask to publish (a supervisor confirms)') : L('发布最终结果', 'Publish the results')),
        h('button', { type: 'button', id: 'show-report', onclick: showReport }, report ? L('更新评委一致性', 'Refresh judge consistency') : L('查看评委评分一致性', 'Judge consistency')))),
    signOffCard(signOff, definition, api, false, load),
    report && judgeReportCard(report));
}

/** The server's judge-consistency figures, with the outlier thresholds set on this page. */
async function showReport() {
  try { report = await api.final(`/report/judges?points=${encodeURIComponent(settings.points)}&sds=${encodeURIComponent(settings.sds)}`); }
  catch (e) { message = { kind: 'bad', text: describe(e) }; }
  draw();
}

function cell(c, j, sheet, flag) {
  if (!sheet) return h('td', { class: 'num muted', title: L('回避或不参与本轮', 'recused or not on this round') }, L('回避', 'n/a'));
  if (sheet.state === 'pending') return h('td', { class: 'num pending', dataset: { judge: j.id } }, '…');
  if (sheet.state === 'reopened') return h('td', { class: 'num reopened', dataset: { judge: j.id }, title: sheet.reopenReason ?? '' }, L('已退回', 'reopened'));
  const far = flag.has(sheet.total);
  return h('td', { class: `num submitted${far ? ' outlier' : ''}`, dataset: { judge: j.id } },
    h('button', { type: 'button', class: 'score', title: far ? L(`偏离中位数 ${flag.median}`, `far from the median ${flag.median}`) : L('退回此评分', 'Reopen this sheet'),
      onclick: () => open({ kind: 'reopen', contestant: c.id, judge: j.id, total: sheet.total }) }, far ? '⚠ ' : '', fmt(sheet.total)));
}

function open(a) { action = a; message = null; draw(); $('#reason')?.focus(); }

function dialog() {
  const a = action;
  // What the chief types is kept in the action: every sheet a judge sends redraws this page.
  const reason = h('input', { id: 'reason', required: true, autocomplete: 'off', value: a.reason ?? '', oninput: () => { a.reason = reason.value; } });
  const points = h('input', { id: 'points', type: 'number', step: 'any', inputmode: 'decimal', value: a.points ?? '', oninput: () => { a.points = points.value; } });
  const target = h('select', { id: 'adjust-round', onchange: () => { a.round = target.value; } }, h('option', { value: '' }, L('总分', 'the total')),
    definition.rounds.map((r) => h('option', { value: r.id, selected: r.id === (a.round ?? round) }, r.title || r.id)));
  const kind = h('select', { id: 'withdraw-kind', onchange: () => { a.withdrawKind = kind.value; } },
    h('option', { value: 'withdrawn', selected: a.withdrawKind !== 'absent' }, L('弃权', 'Withdrawn')),
    h('option', { value: 'absent', selected: a.withdrawKind === 'absent' }, L('缺席', 'Absent (no-show)')));
  const error = h('p', { class: 'error', role: 'alert' }, a.error ?? '');
  const title = {
    reopen: L(`退回 ${nameOf(a.judge)} 对 ${nameOf(a.contestant)} 的评分（${a.total}）`, `Reopen ${nameOf(a.judge)}'s sheet for ${nameOf(a.contestant)} (${a.total})`),
    adjust: L(`为 ${nameOf(a.contestant)} 加分或扣分`, `Bonus or penalty for ${nameOf(a.contestant)}`),
    close: L(`以现有评分结束 ${nameOf(a.contestant)} 的本轮`, `Close ${nameOf(a.contestant)}'s round with the sheets present`),
    publish: L('发布最终结果（发布后不可更改）', 'Publish the results (final: cannot be changed afterwards)'),
    withdraw: L(`${nameOf(a.contestant)} 弃权或缺席（不参与排名和奖项）`, `${nameOf(a.contestant)} withdraws or is absent (out of ranking and awards)`),
    undo: L(`撤销 ${nameOf(a.contestant)} 的弃权/缺席`, `Undo ${nameOf(a.contestant)}'s withdrawal`),
  }[a.kind];
  async function confirm(event) {
    event.preventDefault();
    const fail = (text) => { a.error = text; error.textContent = text; };
    if (a.kind !== 'publish' && !reason.value.trim()) { fail(L('请填写原因。', 'Give a reason.')); return; }
    try {
      if (a.kind === 'reopen') await api.act('/sheets/reopen', { contestant: a.contestant, round, judge: a.judge, reason: reason.value.trim() });
      if (a.kind === 'close') await api.act('/close', { contestant: a.contestant, round, reason: reason.value.trim() });
      if (a.kind === 'publish') await api.act('/publish');
      if (a.kind === 'withdraw') await api.act('/withdrawals', { contestant: a.contestant, kind: kind.value, reason: reason.value.trim() });
      if (a.kind === 'undo') await request(session.token, 'DELETE', `${api.base}/withdrawals/${encodeURIComponent(a.contestant)}`, { reason: reason.value.trim() });
      if (a.kind === 'adjust') {
        if (points.value.trim() === '' || Number(points.value) === 0) { fail(L('请填写分值（扣分用负数）。', 'Give the points (negative for a penalty).')); return; }
        await api.act('/adjustments', { contestant: a.contestant, round: target.value || null, points: Number(points.value), reason: reason.value.trim() });
      }
      action = null;
      // With sign-off a penalty or the publication is only asked for: say so, not "done".
      const asked = signOff?.required && (a.kind === 'adjust' || a.kind === 'publish');
      message = { kind: 'ok', text: (asked ? L('已提交，待监督确认：', 'Asked; waits for the supervisor: ') : L('已完成：', 'Done: ')) + title };
      await load();
    } catch (e) { fail(describe(e)); }
  }
  return h('form', { class: 'card dialog', id: 'dialog', onsubmit: confirm }, h('h2', {}, title),
    a.kind === 'adjust' && h('div', { class: 'row' }, h('label', { for: 'points' }, L('分值（扣分填负数）', 'Points (negative = penalty)')), points,
      h('label', { for: 'adjust-round' }, L('作用于', 'Applies to')), target),
    a.kind === 'withdraw' && h('div', { class: 'row' }, h('label', { for: 'withdraw-kind' }, L('类型', 'Kind')), kind),
    a.kind !== 'publish' && [h('label', { for: 'reason' }, L('原因', 'Reason')), reason], error,
    h('div', { class: 'row' }, h('button', { type: 'button', onclick: () => { action = null; draw(); } }, L('取消', 'Cancel')),
      h('button', { type: 'submit', class: 'primary', id: 'confirm-action' }, L('确定', 'Confirm'))));
}

load();
