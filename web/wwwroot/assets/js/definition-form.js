// The final definition as a form. The form edits a plain object (the JSON of DESIGN.md); every input names its
// place in that object with data-path ("rounds[1].weight"), the same path the server's 400 uses in errors[].path,
// so each validation message lands beside its field. Importing a JSON file fills the same form; properties the
// form has no field for (panels, a round's judges) are kept as imported.
import { h, render } from './dom.js';
import { L } from './i18n.js';

export function starter() {
  return {
    id: '', title: '', gate: 'on-stage',
    rounds: [{ id: 'main', title: '主题演讲', weight: 1, max: 100, step: 0.5, aggregation: { method: 'trimmed-mean', dropHighest: 1, dropLowest: 1 } }],
    judges: [1, 2, 3].map((i) => ({ id: `j${i}`, name: `评委${i}`, chief: i === 1, recusals: [] })),
    contestants: [1, 2].map((i) => ({ id: `c${i}`, name: `选手${i}`, unit: '', order: i })),
    rounding: { decimals: 2, mode: 'half-up' },
    ranking: { tieBreakers: [] },
    awards: [{ title: '一等奖', count: 1 }],
  };
}

const split = (s) => s.split(/[,，\s]+/).map((x) => x.trim()).filter(Boolean);

function get(model, path) {
  return path.split('.').reduce((o, k) => (o == null ? undefined : o[k]), model);
}
function set(model, path, value) {
  const keys = path.split('.');
  const last = keys.pop();
  const target = keys.reduce((o, k) => (o[k] ??= {}), model);
  if (value === undefined) delete target[last]; else target[last] = value;
}

/** Paths here use dots only ("rounds.0.weight"); the server's use brackets. */
const dotted = (path) => path.replace(/\[(\d+)\]/g, '.$1');

/** `prefix` keeps the inputs' ids apart when two forms share a page (creating one final, amending another). */
export function definitionForm(container, model, onChange, prefix = 'f') {
  function field(path, labelZh, labelEn, kind = 'text', options) {
    const value = get(model, dotted(path));
    const id = prefix + '-' + path.replace(/[^\w]/g, '-');
    let input;
    if (kind === 'select') {
      input = h('select', { id }, options.map((o) => h('option', { value: o, selected: o === value }, o)));
    } else if (kind === 'checkbox') {
      input = h('input', { id, type: 'checkbox', checked: !!value });
    } else {
      const shown = kind === 'list' ? (value ?? []).join(', ') : value ?? '';
      input = h('input', { id, type: kind === 'number' ? 'text' : 'text', inputmode: kind === 'number' ? 'decimal' : undefined, value: String(shown) });
    }
    input.dataset.path = path;
    input.addEventListener('change', () => {
      let v;
      if (kind === 'checkbox') v = input.checked;
      else if (kind === 'list') v = split(input.value);
      else if (kind === 'number') v = input.value.trim() === '' ? undefined : Number(input.value.trim().replace('，', '.'));
      else v = input.value;
      set(model, dotted(path), v);
      onChange?.();
    });
    return h('div', { class: 'field' }, h('label', { for: id }, L(labelZh, labelEn)), input);
  }
  const remove = (list, i) => h('button', { type: 'button', class: 'quiet-dark', onclick: () => { list.splice(i, 1); draw(); } }, L('删除', 'Remove'));
  const add = (list, item, zh, en) => h('button', { type: 'button', onclick: () => { list.push(item()); draw(); } }, '+ ' + L(zh, en));

  function draw() {
    model.rounds ??= []; model.judges ??= []; model.contestants ??= []; model.awards ??= [];
    render(container,
      h('fieldset', { dataset: { path: '' } }, h('legend', {}, L('基本信息', 'Basics')),
        h('div', { class: 'fields' }, field('id', '决赛编号', 'Final id'), field('title', '标题', 'Title'),
          field('gate', '评分时机', 'Gate', 'select', ['on-stage', 'open']),
          field('rounding.decimals', '保留小数位', 'Decimals', 'number'),
          field('rounding.mode', '舍入方式', 'Rounding', 'select', ['half-up', 'half-even']),
          field('ranking.tieBreakers', '并列时依次比较', 'Tie-breakers', 'list'),
          // Two-person sign-off: the chief judge's adjustments and publication wait for a supervisor (监督).
          field('signOff', '加减分和发布须经监督确认', 'Adjustments and publication need a supervisor', 'checkbox'))),
      h('fieldset', { dataset: { path: 'rounds' } }, h('legend', {}, L('轮次', 'Rounds')),
        model.rounds.map((r, i) => h('div', { class: 'item', dataset: { path: `rounds[${i}]` } },
          h('div', { class: 'fields' }, field(`rounds[${i}].id`, '编号', 'Id'), field(`rounds[${i}].title`, '名称', 'Title'),
            field(`rounds[${i}].weight`, '权重', 'Weight', 'number'),
            field(`rounds[${i}].aggregation.method`, '计分方法', 'Aggregation', 'select', ['mean', 'trimmed-mean', 'median', 'sum']),
            field(`rounds[${i}].aggregation.dropHighest`, '去掉最高分个数', 'Drop highest', 'number'),
            field(`rounds[${i}].aggregation.dropLowest`, '去掉最低分个数', 'Drop lowest', 'number'),
            !r.criteria?.length && [field(`rounds[${i}].max`, '满分', 'Max', 'number'), field(`rounds[${i}].step`, '步长', 'Step', 'number')]),
          h('div', { class: 'sub', dataset: { path: `rounds[${i}].criteria` } },
            (r.criteria ?? []).map((c, k) => h('div', { class: 'fields item', dataset: { path: `rounds[${i}].criteria[${k}]` } },
              field(`rounds[${i}].criteria[${k}].id`, '评分项编号', 'Criterion id'), field(`rounds[${i}].criteria[${k}].title`, '评分项', 'Criterion'),
              field(`rounds[${i}].criteria[${k}].max`, '满分', 'Max', 'number'), field(`rounds[${i}].criteria[${k}].step`, '步长', 'Step', 'number'),
              remove(r.criteria, k))),
            h('button', { type: 'button', onclick: () => { r.criteria ??= []; delete r.max; delete r.step; r.criteria.push({ id: '', title: '', max: 10, step: 0.5 }); draw(); } },
              '+ ' + L('评分项', 'criterion'))),
          remove(model.rounds, i))),
        add(model.rounds, () => ({ id: '', title: '', weight: 1, max: 100, step: 0.5, aggregation: { method: 'mean' } }), '轮次', 'round')),
      h('fieldset', { dataset: { path: 'judges' } }, h('legend', {}, L('评委', 'Judges')),
        model.judges.map((j, i) => h('div', { class: 'fields item', dataset: { path: `judges[${i}]` } },
          field(`judges[${i}].id`, '编号', 'Id'), field(`judges[${i}].name`, '姓名', 'Name'), field(`judges[${i}].panel`, '评审组', 'Panel'),
          field(`judges[${i}].chief`, '主裁判', 'Chief', 'checkbox'), field(`judges[${i}].recusals`, '回避选手', 'Recusals', 'list'),
          remove(model.judges, i))),
        add(model.judges, () => ({ id: `j${model.judges.length + 1}`, name: '', chief: false, recusals: [] }), '评委', 'judge')),
      h('fieldset', { dataset: { path: 'contestants' } }, h('legend', {}, L('选手', 'Contestants')),
        model.contestants.map((c, i) => h('div', { class: 'fields item', dataset: { path: `contestants[${i}]` } },
          field(`contestants[${i}].id`, '编号', 'Id'), field(`contestants[${i}].name`, '姓名', 'Name'),
          field(`contestants[${i}].unit`, '单位', 'Unit'), field(`contestants[${i}].order`, '出场顺序', 'Order', 'number'),
          remove(model.contestants, i))),
        add(model.contestants, () => ({ id: `c${model.contestants.length + 1}`, name: '', unit: '', order: model.contestants.length + 1 }), '选手', 'contestant')),
      h('fieldset', { dataset: { path: 'awards' } }, h('legend', {}, L('奖项', 'Awards')),
        model.awards.map((a, i) => h('div', { class: 'fields item', dataset: { path: `awards[${i}]` } },
          field(`awards[${i}].title`, '奖项', 'Award'), field(`awards[${i}].count`, '名额', 'Count', 'number'), remove(model.awards, i))),
        add(model.awards, () => ({ title: '', count: 1 }), '奖项', 'award')));
  }
  draw();
  return { draw, showErrors: (errors) => showErrors(container, errors) };
}

/**
 * Puts each message beside the field its path names, or, when the form has no such field (recusals[2] of a list
 * input, a whole round), beside the nearest enclosing one. Returns the messages that found no place at all.
 */
export function showErrors(container, errors) {
  for (const el of container.querySelectorAll('.field-error')) el.remove();
  for (const el of container.querySelectorAll('.invalid')) el.classList.remove('invalid');
  const unplaced = [];
  for (const e of errors) {
    let path = e.path ?? '';
    let target = null;
    while (path && !(target = container.querySelector(`[data-path="${CSS.escape(path)}"]`))) path = parent(path);
    if (!target) { unplaced.push(e); continue; }
    const message = h('span', { class: 'field-error', role: 'alert', dataset: { for: e.path } }, e.message);
    if (target.matches('input, select, textarea')) { target.classList.add('invalid'); target.after(message); }
    else target.prepend(message);
  }
  return unplaced;
}

function parent(path) {
  const m = path.match(/^(.*)(\[\d+\]|\.[^.[\]]+)$/);
  return m ? m[1] : '';
}


