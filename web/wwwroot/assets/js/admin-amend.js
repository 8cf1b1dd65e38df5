// Amending a running final on the admin page: its current definition in the same form as creation, then "check"
// asks the server what would change (PUT …?dryRun=true: the changes, classified, and the standings before and after),
// then the organiser gives a reason and saves (PUT). A refusal shows where: field errors beside the fields, scores
// that would be orphaned by names.
import { h, render } from './dom.js';
import { L, onLanguage } from './i18n.js';
import { request, ApiError } from './api.js';
import { describe } from './session.js';
import { definitionForm } from './definition-form.js';
import { changeList, orphanList, standingsChange } from './amend-diff.js';

export async function amendPanel(section, session, id, saved) {
  const path = `/api/finals/${encodeURIComponent(id)}`;
  const view = await request(session.token, 'GET', path);
  const current = view.definition;
  const model = structuredClone(current);
  const fields = h('div', { class: 'definition' });
  const result = h('div', { id: 'amend-result' });
  const reason = h('input', { id: 'amend-reason', type: 'text', autocomplete: 'off' });
  const form = definitionForm(fields, model, () => { preview = null; drawResult(); }, 'amend');
  let preview = null; // the server's answer to the dry run of what is in the form now
  let outcome = null; // { kind: 'saved'|'error'|'same', … }

  const put = (dryRun, body) => request(session.token, 'PUT', path + (dryRun ? '?dryRun=true' : ''), body);

  async function check() {
    outcome = null;
    try {
      preview = await put(true, { definition: model });
      form.showErrors([]);
      if (!preview.changed) { outcome = { kind: 'same' }; preview = null; }
    } catch (e) { fail(e); }
    drawResult();
  }

  async function save() {
    if (!reason.value.trim()) { outcome = { kind: 'error', text: L('请填写修改原因（记入日志）。', 'Give the reason (it goes into the journal).') }; drawResult(); return; }
    try {
      // The form may have changed since the check (a row added or removed): save only what was shown.
      const fresh = await put(true, { definition: model });
      if (JSON.stringify(fresh.changes) !== JSON.stringify(preview?.changes)) {
        preview = fresh.changed ? fresh : null;
        outcome = { kind: 'error', text: L('检查之后表单又有改动，请核对下方内容后再保存。', 'The form changed after the check; review the changes below, then save.') };
        drawResult();
        return;
      }
      const r = await put(false, { definition: model, reason: reason.value.trim() });
      outcome = { kind: 'saved', result: r };
      preview = null;
      reason.value = '';
      Object.assign(current, structuredClone(model));
      await saved?.();
    } catch (e) { fail(e); }
    drawResult();
  }

  function fail(e) {
    preview = null;
    if (e instanceof ApiError && e.errors.length) form.showErrors(e.errors);
    outcome = { kind: 'error', text: describe(e), orphans: e instanceof ApiError ? e.problem?.orphans : null };
  }

  function drawResult() {
    const decimals = model.rounding?.decimals ?? 2;
    render(result,
      outcome?.kind === 'same' && h('p', { class: 'notice info', id: 'amend-same' }, L('与当前定义相同，没有需要保存的修改。', 'Nothing differs from the current definition.')),
      outcome?.kind === 'error' && h('div', { class: 'notice bad', role: 'alert', id: 'amend-error' }, outcome.text,
        outcome.orphans?.length ? [h('p', {}, L('以下已有的评分会失去归属：', 'These scores would be left without a place:')), orphanList(outcome.orphans, current)] : null),
      outcome?.kind === 'saved' && h('div', { class: 'notice ok', id: 'amend-saved' }, L('修改已保存并记入日志。', 'The amendment is saved and journaled.'),
        outcome.result.before && standingsChange(outcome.result.before, outcome.result.after, decimals)),
      preview && h('div', { class: 'card', id: 'amend-preview' },
        h('h3', {}, L('将要修改的内容', 'What changes')), changeList(preview.changes, current, model),
        preview.before && [h('h3', {}, L('对名次与总分的影响', 'Effect on ranks and totals')), standingsChange(preview.before, preview.after, decimals)],
        h('label', { for: 'amend-reason' }, L('修改原因', 'Reason')), reason,
        h('div', { class: 'row' }, h('button', { type: 'button', class: 'primary', id: 'amend-save', onclick: save }, L('确认保存', 'Save the amendment')))));
  }

  const draw = () => render(section,
    h('h2', {}, L(`编辑决赛：${current.title}`, `Amend: ${current.title}`)),
    h('p', { class: 'muted' }, L('名称、单位、出场顺序随时可改；增删评委和选手、改变计分规则只能在发布前进行；已有评分的轮次、评委、选手不能删除。',
      'Names, units and the running order can change at any time; people and scoring rules only before publication; nothing that already has scores can be removed.')),
    fields,
    h('div', { class: 'row' }, h('button', { type: 'button', id: 'amend-check', onclick: check }, L('检查修改', 'Check the changes'))),
    result);
  draw();
  drawResult();
  onLanguage(() => { if (section.isConnected) { draw(); form.draw(); drawResult(); } });
}
