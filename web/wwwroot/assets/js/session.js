// Signing a device in: a code in the address (the QR link /judge?final=…&code=…), the session this device already
// holds, or a form. Tokens are kept in localStorage per page, so a tablet that reloads (or loses power) stays signed in.
// A code signs in one device: each browser keeps a random device id and sends it with the code, so the same device may
// sign in again while another is refused until the admin releases the code.
import { h, render } from './dom.js';
import { L, onLanguage } from './i18n.js';
import { request, ApiError } from './api.js';

const key = (page) => `arena.session.${page}`;

export function stored(page) {
  try { return JSON.parse(localStorage.getItem(key(page)) ?? 'null'); } catch { return null; }
}

export function save(page, session) { localStorage.setItem(key(page), JSON.stringify(session)); }

export function forget(page) { localStorage.removeItem(key(page)); }

/** This browser's device id: random, made once, kept. */
export function deviceId() {
  let id = localStorage.getItem('arena.device');
  if (!id) {
    id = [...crypto.getRandomValues(new Uint8Array(12))].map((b) => b.toString(16).padStart(2, '0')).join('');
    localStorage.setItem('arena.device', id);
  }
  return id;
}

const revokedKey = (page) => `arena.revoked.${page}`;
const REVOKED = () => L('此设备的登录码已被管理员撤销，请联系工作人员。', 'The admin revoked this device\'s access code; please ask the staff.');

/** True for the answer a token of a revoked code gets (HTTP 401 "Access revoked", or a hub's "401: Access revoked…"). */
export function isRevoked(e) {
  return (e instanceof ApiError && e.status === 401 && e.problem?.title === 'Access revoked') || /401: Access revoked/.test(e?.message ?? '');
}

/** The token no longer works (expired, or its code revoked): forget it and show the sign-in form, saying why when revoked. */
export function signedOut(page, e) {
  forget(page);
  if (isRevoked(e)) localStorage.setItem(revokedKey(page), '1');
  location.reload();
}

export async function byCode(finalId, code) {
  const r = await request(null, 'POST', '/api/auth/code', { finalId, code, device: deviceId() });
  return { token: r.token, role: r.role, subject: r.subject, finalId };
}

export async function byAdminKey(key) {
  const r = await request(null, 'POST', '/api/auth/admin', { key });
  return { token: r.token, role: 'admin', subject: 'admin', finalId: null };
}

/**
 * Resolves with {token, role, subject, finalId} for this page. `roles` are the roles this page accepts; with
 * `allowAdmin` the admin may sign in with the key (or reuse the admin page's session) for a final named in the address.
 */
export async function signIn(page, container, { roles, allowAdmin = false }) {
  const params = new URLSearchParams(location.search);
  const final = params.get('final');
  const code = params.get('code');
  let error = null;
  if (localStorage.getItem(revokedKey(page))) { localStorage.removeItem(revokedKey(page)); error = REVOKED(); }
  if (final && code) {
    // The code has done its work once redeemed; keep it out of the address bar and the history.
    history.replaceState(null, '', `${location.pathname}?final=${encodeURIComponent(final)}`);
    try {
      const s = await byCode(final, code);
      if (roles.includes(s.role)) { save(page, s); return s; }
      error = L(`这个访问码属于“${s.role}”，不能用于本页面。`, `This code is for the "${s.role}" role, not for this page.`);
    } catch (e) { error = describe(e); }
  }
  const mine = stored(page);
  if (!error && mine && (!final || mine.finalId === final)) return mine;
  const admin = stored('admin');
  if (!error && allowAdmin && admin && final) return { ...admin, finalId: final };
  return form(page, container, { roles, allowAdmin, final, error });
}

function form(page, container, { roles, allowAdmin, final, error }) {
  return new Promise((resolve) => {
    const finalInput = h('input', { id: 'signin-final', name: 'final', value: final ?? '', autocomplete: 'off', required: true });
    const codeInput = h('input', { id: 'signin-code', name: 'code', autocomplete: 'off', autocapitalize: 'characters' });
    const keyInput = allowAdmin ? h('input', { id: 'signin-key', name: 'key', type: 'password', autocomplete: 'off' }) : null;
    const message = h('p', { class: 'error', role: 'alert' }, error ?? '');
    const draw = () => render(container, h('form', { class: 'card signin', onsubmit: submit },
      h('h2', {}, L('登录', 'Sign in')),
      h('label', { for: 'signin-final' }, L('决赛编号', 'Final id')), finalInput,
      h('label', { for: 'signin-code' }, L('访问码', 'Access code')), codeInput,
      keyInput && [h('label', { for: 'signin-key' }, L('或：管理员密钥', 'or: admin key')), keyInput],
      message,
      h('button', { class: 'primary', type: 'submit' }, L('登录', 'Sign in'))));
    async function submit(event) {
      event.preventDefault();
      try {
        let s;
        if (codeInput.value.trim()) s = await byCode(finalInput.value.trim(), codeInput.value.trim());
        else if (keyInput?.value) s = { ...(await byAdminKey(keyInput.value)), finalId: finalInput.value.trim() };
        else throw new Error(L('请输入访问码。', 'Enter an access code.'));
        if (!roles.includes(s.role) && !(allowAdmin && s.role === 'admin'))
          throw new Error(L(`这个访问码属于“${s.role}”，不能用于本页面。`, `This code is for the "${s.role}" role, not for this page.`));
        save(page, s);
        history.replaceState(null, '', `${location.pathname}?final=${encodeURIComponent(s.finalId)}`);
        resolve(s);
      } catch (e) { message.textContent = describe(e); }
    }
    draw();
    onLanguage(() => { if (container.querySelector('form.signin')) draw(); });
  });
}

export function describe(e) {
  if (e instanceof ApiError && e.status === 409 && /another device/.test(e.message))
    return L('此登录码已在另一台设备上登录。如需换用这台设备，请联系工作人员在管理页释放此码。', e.message);
  if (isRevoked(e)) return REVOKED();
  if (e instanceof ApiError) return e.message;
  if (e instanceof TypeError) return L('无法连接服务器，请检查网络。', 'Cannot reach the server; check the network.');
  return e?.message ?? String(e);
}

/** A sign-out button for the header: forgets this page's session and shows the sign-in form again. */
export function signOutButton(page, before = async () => {}) {
  const b = h('button', { class: 'quiet', type: 'button', onclick: async () => { forget(page); try { await before(); } finally { location.reload(); } } });
  const label = () => { b.textContent = L('退出', 'Sign out'); };
  label();
  onLanguage(label);
  return b;
}
