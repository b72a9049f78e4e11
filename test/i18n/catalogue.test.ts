import { defineMessages, languageFromLocale, setLanguage, t } from "../../src/i18n/catalogue";

const m = defineMessages({
  rows: { en: "{n} rows read", zh: "已读取 {n} 行" },
});

describe("message catalogue", () => {
  afterEach(() => setLanguage("en"));

  it("fills parameters in the current language", () => {
    expect(t(m.rows, { n: 12 })).toBe("12 rows read");
    setLanguage("zh");
    expect(t(m.rows, { n: 12 })).toBe("已读取 12 行");
  });

  it("takes an explicit language over the current one and leaves unknown parameters visible", () => {
    expect(t(m.rows, {}, "zh")).toBe("已读取 {n} 行");
  });

  it("maps Office and POSIX locales to a language", () => {
    for (const l of ["zh-CN", "zh_CN.UTF-8", "zh-Hans", "ZH"]) expect(languageFromLocale(l)).toBe("zh");
    for (const l of ["en-US", "de-DE", "", undefined, null, "C"]) expect(languageFromLocale(l)).toBe("en");
  });
});
