/**
 * The message catalogue: every user-facing string of the task pane, the formula metadata and the CLI's
 * errors is a `Message` holding both languages, so a missing translation is a type error, not a blank.
 * Areas define their messages with `defineMessages` in their own file under src/i18n/messages/ and
 * read them with `t(...)`; no user-facing string literal lives in a component.
 */

/** Interface languages: English and Simplified Chinese. */
export type Lang = "en" | "zh";
export const LANGS: readonly Lang[] = ["en", "zh"];

/** One message in both languages; `{name}` marks a parameter. */
export interface Message {
  readonly en: string;
  readonly zh: string;
}

/** Identity with a type check: every entry must carry both languages. */
export function defineMessages<T extends Record<string, Message>>(messages: T): T {
  return messages;
}

let current: Lang = "en";

/** The language `t` uses when none is given (the pane sets it from Office, the CLI from --lang/LANG). */
export function setLanguage(lang: Lang): void {
  current = lang;
}

export function getLanguage(): Lang {
  return current;
}

/** The message in `lang` (default: the current language) with `{name}` parameters filled in. */
export function t(message: Message, params?: Readonly<Record<string, string | number>>, lang: Lang = current): string {
  const text = message[lang];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** "zh", "zh-CN", "zh_CN.UTF-8", "zh-Hans" -> zh; anything else (or nothing) -> en. */
export function languageFromLocale(locale: string | undefined | null): Lang {
  return /^zh/i.test((locale ?? "").trim()) ? "zh" : "en";
}
