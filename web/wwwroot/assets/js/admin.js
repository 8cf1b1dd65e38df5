// The organiser's page: sign in with the admin key, create finals (form or JSON import), amend them, issue access
// codes and print the judges' QR sheet.
import { h, render, $ } from './dom.js';
import { L, onLanguage, languageSwitch, applyStatic } from './i18n.js';
import { client, request, download, ApiError } from './api.js';
import { stored, save, forget, byAdminKey, describe, signOutButton } from './session.js';
import { definitionForm, starter } from './definition-form.js';
import { codesPanel } from './admin-codes.js';
import { amendPanel } from './admin-amend.js';

const main = $('#main');
$('#bar').append(languageSwitch());

let session = stored('admin');
let model = starter();
let form = null;
let selected = new URLSearchParams(location.search).get('final');

async function start() {
  if (!session) return signInForm();
  $('#bar').append(signOutButton('admin', () => fetch('/api/auth/browser-session', { method: 'DELETE' })));
  const api = client(session);
  let finals = [];
  try { finals = await api.get('/api/finals'); }
  catch (e) { if (e instanceof ApiError && e.status === 401) { forget('admin'); session = null; return signInForm(); } throw e; }
  // The dashboard and the API reference cannot send this page's token: a cookie carries it there (and only there).
  api.post('/api/auth/browser-session').catch(() => {});
  const list = h('section', { class: 'card', id: 'finals' });
  const codes = h('section', { class: 'card', id: 'codes' });
  const create = h('section', { class: 'card', id: 'create' });
  const amend = h('section', { class: 'card', id: 'amend', hidden: true });
  render(main, list, amend, codes, create);
  // A server with a single final (the demo's sample) opens it at once: the organiser's next step is its codes.
  if (!selected && finals.length === 1) selected = finals[0].id;
  const manage = (id) => {
    selected = id;
    history.replaceState(null, '', `/admin?final=${encodeURIComponent(id)}`);
    drawList();
    codes.hidden = false;
    codesPanel(codes, session, id);
  };
  const drawList = () => render(list, h('h2', {}, L('决赛', 'Finals')),
    finals.length === 0 ? h('p', { class: 'muted' }, L('还没有决赛，请在下方新建。', 'No final yet; create one below.')) :
      h('table', {}, h('tr', {}, h('th', {}, L('编号', 'Id')), h('th', {}, L('标题', 'Title')), h('th', {}, L('状态', 'State')), h('th', {})),
        finals.map((f) => h('tr', { class: f.id === selected ? 'selected' : '', dataset: { final: f.id } }, h('td', {}, f.id), h('td', {}, f.title), h('td', {}, f.state),
          h('td', {}, h('button', { type: 'button', class: 'manage', onclick: () => { manage(f.id); codes.scrollIntoView({ behavior: 'smooth' }); } },
            L('发码与设备', 'Codes and devices')), ' ',
            h('button', { type: 'button', class: 'edit', onclick: () => edit(f.id) }, L('编辑', 'Amend')))))),
    // The whole data folder with its keys, as one file to take home (Arena.Silo restore FILE puts it back).
    h('div', { class: 'row spaced' }, h('button', { type: 'button', id: 'backup', onclick: backup }, L('下载备份（全部数据与密钥）', 'Download a backup (all data and keys)')),
      backupMessage),
    // Not Arena's pages: they open with the cookie this page set (AdminBrowserSession), in a tab of their own.
    h('p', { class: 'row spaced muted' },
      h('a', { href: '/dashboard/', target: '_blank', id: 'dashboard-link' }, L('集群仪表板（Orleans：节点、grain、调用率）', 'Cluster dashboard (Orleans: silos, grains, call rates)')), ' · ',
      h('a', { href: '/reference', target: '_blank', id: 'reference-link' }, L('HTTP API 参考', 'HTTP API reference'))));
  const backupMessage = h('span', { class: 'error', role: 'alert', id: 'backup-message' });
  const backup = async () => {
    backupMessage.textContent = '';
    try { await download(session, '/api/backup', `arena-backup-${new Date().toISOString().slice(0, 19).replace(/[-:T]/g, '')}.zip`); }
    catch (e) { backupMessage.textContent = describe(e); }
  };
  const edit = async (id) => {
    amend.hidden = false;
    try {
      await amendPanel(amend, session, id, async () => { finals = await api.get('/api/finals'); drawList(); });
    } catch (e) { render(amend, h('p', { class: 'error', role: 'alert' }, describe(e))); }
    amend.scrollIntoView({ behavior: 'smooth' });
  };
  codes.hidden = true;
  if (selected && finals.some((f) => f.id === selected)) manage(selected);
  else drawList();
  drawCreate(create, async (id) => {
    finals = await api.get('/api/finals');
    manage(id);
  });
  onLanguage(() => { drawList(); });
}

function drawCreate(section, created) {
  const fields = h('div', { class: 'definition' });
  const jsonText = h('textarea', { id: 'import-json', spellcheck: 'false', 'data-path': '' });
  const file = h('input', { id: 'import-file', type: 'file', accept: '.json,application/json' });
  const importError = h('p', { class: 'error', role: 'alert' });
  const general = h('div', { class: 'error', role: 'alert', id: 'create-errors' });
  const done = h('p', { class: 'pill ok', hidden: true, id: 'created' });
  form = definitionForm(fields, model);
  file.addEventListener('change', async () => { jsonText.value = await file.files[0].text(); load(); });
  function load() {
    try { model = JSON.parse(jsonText.value); form = definitionForm(fields, model); importError.textContent = ''; }
    catch (e) { importError.textContent = L('这不是有效的 JSON：', 'This is not valid JSON: ') + e.message; }
  }
  async function submit() {
    render(general); done.hidden = true;
    try {
      const r = await request(session.token, 'POST', '/api/finals', model);
      form.showErrors([]);
      done.textContent = L(`已创建决赛 ${r.id}`, `Final ${r.id} created`);
      done.hidden = false;
      await created(r.id);
    } catch (e) {
      const unplaced = e instanceof ApiError && e.errors.length ? form.showErrors(e.errors) : [{ message: describe(e) }];
      if (e instanceof ApiError && e.errors.length) render(general, L(`定义有 ${e.errors.length} 处问题，见各字段旁的说明。`, `The definition has ${e.errors.length} problem(s); see the messages beside the fields.`));
      for (const u of unplaced) general.append(h('div', {}, (u.path ? u.path + ': ' : '') + u.message));
    }
  }
  const draw = () => render(section,
    h('h2', {}, L('新建决赛', 'Create a final')),
    h('details', { class: 'import' }, h('summary', {}, L('导入 JSON 定义', 'Import a JSON definition')),
      h('p', { class: 'muted' }, L('选择文件或粘贴 JSON，然后“载入表单”，检查后创建。', 'Choose a file or paste the JSON, load it into the form, check it, then create.')),
      file, jsonText, importError, h('button', { type: 'button', id: 'import-load', onclick: load }, L('载入表单', 'Load into the form'))),
    fields, general,
    h('div', { class: 'row' }, h('button', { type: 'button', class: 'primary', id: 'create-final', onclick: submit }, L('创建决赛', 'Create the final')), done));
  draw();
  onLanguage(() => { draw(); form.draw(); });
}

function signInForm() {
  const key = h('input', { id: 'admin-key', type: 'password', autocomplete: 'current-password' });
  const message = h('p', { class: 'error', role: 'alert' });
  const draw = () => render(main, h('form', { class: 'card signin', onsubmit: async (event) => {
    event.preventDefault();
    try { session = await byAdminKey(key.value); save('admin', session); start(); }
    catch (e) { message.textContent = describe(e); }
  } }, h('h2', {}, L('管理员登录', 'Admin sign-in')),
  h('label', { for: 'admin-key' }, L('管理员密钥', 'Admin key')), key, message,
  h('button', { class: 'primary', type: 'submit' }, L('登录', 'Sign in'))));
  draw();
  onLanguage(() => { if ($('form.signin')) draw(); });
}

applyStatic();
start();
