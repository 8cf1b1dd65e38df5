// The home page: what each page is for. Static text; only the language switch runs here.
import { languageSwitch } from './i18n.js';

document.getElementById('bar').append(languageSwitch());
