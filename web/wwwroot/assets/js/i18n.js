// Simplified Chinese by default, English by a switch. Each text is written as a pair where it is used,
// L('中文', 'English'), so that no screen can ship with one language missing. The choice is kept per device.
const KEY = 'arena.lang';
const listeners = [];

export let lang = localStorage.getItem(KEY) === 'en' ? 'en' : 'zh';

export function L(zh, en) { return lang === 'en' ? en : zh; }

/** Static markup: an element with data-en shows its original (Chinese) content or the English one. */
export function applyStatic(root = document) {
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
  for (const el of root.querySelectorAll('[data-en]')) {
    if (el.dataset.zh === undefined) el.dataset.zh = el.textContent;
    el.textContent = lang === 'en' ? el.dataset.en : el.dataset.zh;
  }
  for (const el of root.querySelectorAll('[data-en-placeholder]')) {
    if (el.dataset.zhPlaceholder === undefined) el.dataset.zhPlaceholder = el.placeholder;
    el.placeholder = lang === 'en' ? el.dataset.enPlaceholder : el.dataset.zhPlaceholder;
  }
}

export function onLanguage(render) { listeners.push(render); }

export function setLanguage(next) {
  lang = next;
  localStorage.setItem(KEY, next);
  applyStatic();
  for (const render of listeners) render();
}

/** The switch button in a page's header: it names the other language in that language. */
export function languageSwitch() {
  const button = document.createElement('button');
  button.className = 'lang-switch';
  button.type = 'button';
  const label = () => { button.textContent = lang === 'en' ? '中文' : 'English'; };
  label();
  button.addEventListener('click', () => { setLanguage(lang === 'en' ? 'zh' : 'en'); label(); });
  return button;
}

applyStatic();
