/**
 * @module The tiny i18n of the web client: Chinese first, English second. The choice persists in localStorage under
 * `qingliu.lang`; `LangProvider` also switches dayjs' locale and `<html lang>`, and `App` feeds antd its locale.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import { zh, type MessageKey } from "./zh";
import { en } from "./en";

export type { MessageKey } from "./zh";

/** A supported UI language. */
export type Lang = "zh" | "en";

/** Values for `{name}` placeholders. */
export type Vars = Record<string, string | number>;

/** Translates a key, filling placeholders; `lang` tells which language it speaks. */
export type Translate = ((key: MessageKey, vars?: Vars) => string) & { readonly lang: Lang };

/** localStorage key of the language choice. */
export const LANG_STORAGE_KEY = "qingliu.lang";

const dictionaries: Record<Lang, Record<MessageKey, string>> = { zh, en };

function readStoredLang(): Lang {
  try {
    return localStorage.getItem(LANG_STORAGE_KEY) === "en" ? "en" : "zh";
  } catch {
    // Storage can be blocked (privacy mode); Chinese is the default anyway.
    return "zh";
  }
}

function applyLang(lang: Lang) {
  dayjs.locale(lang === "zh" ? "zh-cn" : "en");
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
}

/** Builds a translator for `lang` (usable outside React, e.g. in tests). */
export function translator(lang: Lang): Translate {
  const dict = dictionaries[lang];
  const t = (key: MessageKey, vars?: Vars) => {
    const text = dict[key] ?? zh[key] ?? key;
    return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : text;
  };
  return Object.assign(t, { lang });
}

interface LangState {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
}

const LangContext = createContext<LangState | null>(null);

/** Provides the current language and translator to the tree. */
export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const initial = readStoredLang();
    applyLang(initial);
    return initial;
  });
  const setLang = useCallback((next: Lang) => {
    try {
      localStorage.setItem(LANG_STORAGE_KEY, next);
    } catch {
      // Not persisted; the switch still applies to this tab.
    }
    applyLang(next);
    setLangState(next);
  }, []);
  const value = useMemo(() => ({ lang, setLang, t: translator(lang) }), [lang, setLang]);
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

function useLangState(): LangState {
  const state = useContext(LangContext);
  if (!state) throw new Error("LangProvider is missing");
  return state;
}

/**
 * The translator of the current language.
 * @example const t = useT(); t("dashboard.welcome", { name: user.displayName })
 */
export function useT(): Translate {
  return useLangState().t;
}

/** The current language and its setter. */
export function useLang(): { lang: Lang; setLang: (lang: Lang) => void } {
  const { lang, setLang } = useLangState();
  return { lang, setLang };
}
