/**
 * The script of every page (bundled into `assets/ui.js`): the English / Chinese interface switch,
 * remembered, and Chinese first for a Chinese browser. Pages read fully without it.
 */
type UiLang = 'en' | 'zh';
const stored = (() => {
  try {
    return localStorage.getItem('ui');
  } catch {
    return null;
  }
})();
const initial: UiLang = stored === 'en' || stored === 'zh' ? stored : navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';

function setUi(lang: UiLang): void {
  document.documentElement.dataset['ui'] = lang;
  document.documentElement.lang = lang === 'zh' ? 'zh-Hans' : 'en';
  try {
    localStorage.setItem('ui', lang);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}

setUi(initial);
const button = document.getElementById('lang-switch');
if (button) {
  button.hidden = false;
  button.addEventListener('click', () => setUi(document.documentElement.dataset['ui'] === 'zh' ? 'en' : 'zh'));
}
