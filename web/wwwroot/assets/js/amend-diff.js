// What an amendment changes, as an organiser reads it. The server decides and classifies the changes (PUT with
// ?dryRun=true); this only puts its paths (rounds[speech].weight, judges[j2]) into words, with names, not ids.
import { h } from './dom.js';
import { L } from './i18n.js';

const KINDS = {
  cosmetic: () => L('名称类，随时可改', 'names: any time'),
  roster: () => L('人员或设置，发布前可改', 'people or settings: before publication'),
  scoring: () => L('影响分数，仅发布前可改', 'moves scores: before publication only'),
};

const FIELDS = {
  title: ['名称', 'title'], name: ['姓名', 'name'], unit: ['单位', 'unit'], order: ['顺序', 'order'], weight: ['权重', 'weight'],
  max: ['满分', 'max'], step: ['步长', 'step'], aggregation: ['计分方法', 'aggregation'], judges: ['评分评委', 'judges'],
  panel: ['评审组', 'panel'], chief: ['主裁判', 'chief judge'], recusals: ['回避选手', 'recusals'], decimals: ['保留小数位', 'decimals'],
  mode: ['舍入方式', 'rounding'], tieBreakers: ['并列时依次比较', 'tie-breakers'], gate: ['评分时机', 'gate'], awards: ['奖项', 'awards'],
  definition: ['其他设置', 'other settings'],
};

const LISTS = { rounds: ['轮次', 'round'], criteria: ['评分项', 'criterion'], panels: ['评审组', 'panel'], judges: ['评委', 'judge'], contestants: ['选手', 'contestant'], awards: ['奖项', 'award'], rounding: ['舍入', 'rounding'], ranking: ['排名', 'ranking'] };

/** Parses "rounds[speech].criteria[content].max" into [{name: 'rounds', id: 'speech'}, …]. */
const segments = (path) => [...path.matchAll(/([A-Za-z]+)(?:\[([^\]]*)\])?/g)].map((m) => ({ name: m[1], id: m[2] }));

/** The title or name of an element of either definition (the new one first: a renamed thing reads as it will be). */
function titleOf(defs, trail, seg) {
  for (const d of defs) {
    let list = d;
    for (const s of trail) list = list?.[s.name]?.find?.((x) => x.id === s.id);
    const item = (list?.[seg.name] ?? []).find?.((x) => x.id === seg.id);
    if (item) return item.title || item.name || seg.id;
  }
  return seg.id;
}

/** One change in words: "轮次“主题演讲” · 权重". */
export function changeLabel(change, before, after) {
  const words = [];
  const trail = [];
  for (const s of segments(change.path)) {
    const list = LISTS[s.name];
    if (s.id !== undefined && list) words.push(`${L(list[0], list[1])}“${/^\d+$/.test(s.id) ? Number(s.id) + 1 : titleOf([after, before], trail, s)}”`);
    else if (trail.length === 0 && s.name === 'title') words.push(L('决赛标题', 'title of the final'));
    else if (trail.length === 0 && list) words.push(L(list[0], list[1]));
    else if (FIELDS[s.name]) words.push(L(...FIELDS[s.name]));
    else words.push(s.name);
    trail.push(s);
  }
  return words.join(' · ');
}

function value(change, v, other) {
  if (v === null || v === undefined) return other === null || other === undefined ? '' : h('span', { class: 'muted' }, L('（无）', '(none)'));
  return v === '' ? h('span', { class: 'muted' }, L('（空）', '(empty)')) : v === 'true' ? L('是', 'yes') : v === 'false' ? L('否', 'no') : v;
}

/** The list of changes: what, before → after, and how far it reaches. */
export function changeList(changes, before, after) {
  return h('ul', { id: 'amend-diff', class: 'diff' }, changes.map((c) => h('li', { dataset: { path: c.path, kind: c.kind } },
    h('strong', {}, changeLabel(c, before, after)), '：',
    c.before == null ? [h('span', { class: 'pill ok' }, L('新增', 'added')), ' '] : c.after == null ? [h('span', { class: 'pill bad' }, L('删除', 'removed')), ' '] : null,
    value(c, c.before, c.after), c.before != null && c.after != null ? ' → ' : '', value(c, c.after, c.before), ' ',
    h('span', { class: `pill ${c.kind === 'scoring' ? 'warn' : 'info'}` }, KINDS[c.kind]?.() ?? c.kind))));
}

const WHY = {
  'contestant-removed': ['选手被删除', 'the contestant is removed'], 'round-removed': ['轮次被删除', 'the round is removed'],
  'judge-removed': ['评委被删除', 'the judge is removed'], 'not-assigned': ['该评委不再参与这一轮', 'the judge no longer scores this round'],
  recused: ['该评委将回避此选手，但已为其评分', 'the judge would be recused but has scored them'],
  rubric: ['已交的评分不再符合评分规则', 'the sheet no longer fits the rubric'],
};
const WHAT = { sheet: ['评分表', 'sheet'], adjustment: ['加减分', 'adjustment'], closure: ['结束本轮', 'closure'] };

/** The scores a refused amendment would have orphaned, by names (of the definition as it is now). */
export function orphanList(orphans, d) {
  const name = (list, id) => d[list]?.find((x) => x.id === id)?.[list === 'rounds' ? 'title' : 'name'] || id;
  return h('ul', { id: 'amend-orphans' }, orphans.map((o) => h('li', {},
    [name('contestants', o.contestant), o.round && name('rounds', o.round), o.judge && name('judges', o.judge)].filter(Boolean).join(' · '),
    ` （${L(...(WHAT[o.what] ?? [o.what, o.what]))}）：`, L(...(WHY[o.why] ?? [o.why, o.why])))));
}

/** Before and after, side by side, for every contestant whose rank, total or award moves. */
export function standingsChange(before, after, decimals = 2) {
  const old = Object.fromEntries(before.rows.map((r) => [r.contestant, r]));
  const moved = after.rows.filter((r) => !old[r.contestant] || old[r.contestant].rank !== r.rank || old[r.contestant].total !== r.total || old[r.contestant].award !== r.award);
  if (moved.length === 0) return h('p', { class: 'muted', id: 'amend-standings' }, L('名次与总分不变。', 'No rank or total changes.'));
  const cell = (r) => (r ? `${r.rank} · ${Number(r.total).toFixed(decimals)}${r.award ? ' · ' + r.award : ''}` : '—');
  return h('table', { id: 'amend-standings', class: 'standings' },
    h('tr', {}, h('th', {}, L('选手', 'Contestant')), h('th', {}, L('修改前（名次 · 总分）', 'Before (rank · total)')), h('th', {}, L('修改后', 'After'))),
    moved.map((r) => h('tr', { dataset: { contestant: r.contestant } }, h('td', {}, r.name), h('td', { class: 'num' }, cell(old[r.contestant])), h('td', { class: 'num' }, cell(r)))));
}
