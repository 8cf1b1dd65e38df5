// Two-person sign-off (a final whose definition has signOff: true): what the chief judge asked and a supervisor (监督)
// has not answered yet, and what was answered, who and when. A supervisor answers here, always with a reason; anyone
// else reads. The server decides who may (the page only hides buttons a reader cannot use).
import { h } from './dom.js';
import { L } from './i18n.js';
import { describe } from './session.js';

const when = (t) => new Date(t).toLocaleString();

/** Who did it, as the journal says ("judge:j1", "supervisor:李明"), in words. */
function actor(who, definition) {
  const [role, subject] = who.split(/:(.*)/s);
  if (role === 'judge') return definition.judges.find((j) => j.id === subject)?.name ?? subject;
  if (role === 'supervisor') return L(`监督 ${subject}`, `supervisor ${subject}`);
  return who;
}

export function describeItem(item, definition) {
  if (item.kind === 'publication') return L('发布最终结果', 'Publish the results');
  const who = definition.contestants.find((c) => c.id === item.contestant)?.name ?? item.contestant;
  const where = item.round ? definition.rounds.find((r) => r.id === item.round)?.title ?? item.round : L('总分', 'the total');
  const points = item.points > 0 ? `+${item.points}` : `${item.points}`;
  return L(`${who}：${where} ${points} 分，理由：${item.reason}`, `${who}: ${points} to ${where}, reason: ${item.reason}`);
}

/** The sign-off card; `supervisor` shows the answer buttons; `changed()` reloads the page's data after an answer. */
export function signOffCard(signOff, definition, api, supervisor, changed) {
  if (!signOff?.required) return null;
  const message = h('p', { class: 'error', role: 'alert', id: 'sign-off-message' });
  async function answer(item, verb, reason) {
    if (!reason.value.trim()) { message.textContent = L('请填写理由，它会记入日志。', 'Give a reason; it goes into the journal.'); reason.focus(); return; }
    try {
      await api.act(`/sign-off/${encodeURIComponent(item.proposal)}/${verb}`, { reason: reason.value.trim() });
      await changed();
    } catch (e) { message.textContent = describe(e); }
  }
  return h('section', { class: 'card', id: 'sign-off' }, h('h2', {}, L('监督确认', 'Sign-off')),
    h('p', { class: 'muted' }, L('本决赛实行双人确认：主裁判的加减分和成绩发布，须经监督确认后才生效。', "This final needs two people: the chief judge's adjustments and the publication take effect only once a supervisor confirms them.")),
    message,
    signOff.pending.length === 0 ? h('p', { class: 'muted', id: 'nothing-pending' }, L('没有待确认的事项。', 'Nothing is waiting.'))
      : h('ul', { class: 'sign-off-pending' }, signOff.pending.map((item) => {
        const reason = h('input', { class: 'sign-off-reason', 'aria-label': L('理由', 'Reason'), placeholder: L('理由（必填）', 'Reason (required)') });
        return h('li', { dataset: { proposal: item.proposal, kind: item.kind } },
          h('b', {}, describeItem(item, definition)), h('small', { class: 'muted' }, ` · ${actor(item.proposedBy, definition)} · ${when(item.proposedAt)}`),
          supervisor && h('div', { class: 'row' }, reason,
            h('button', { type: 'button', class: 'primary confirm', onclick: () => answer(item, 'confirm', reason) }, L('确认', 'Confirm')),
            h('button', { type: 'button', class: 'danger refuse', onclick: () => answer(item, 'refuse', reason) }, L('拒绝', 'Refuse'))));
      })),
    signOff.answered.length > 0 && h('ul', { class: 'sign-off-answered' }, signOff.answered.map((a) =>
      h('li', { dataset: { proposal: a.item.proposal, confirmed: String(a.confirmed) } },
        h('span', { class: a.confirmed ? 'pill ok' : 'pill bad' }, a.confirmed ? L('已确认', 'Confirmed') : L('已拒绝', 'Refused')), ' ',
        describeItem(a.item, definition), h('small', { class: 'muted' }, ` · ${actor(a.by, definition)} · ${when(a.at)} · ${a.reason}`)))));
}
