/** The languages labels exist in (Discord's locales `en-*`, `zh-CN` and `zh-TW`). */
export type Lang = 'en' | 'zh-CN' | 'zh-TW';
