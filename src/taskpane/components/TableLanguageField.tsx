/**
 * The table language (English or Chinese-journal wording and layout) of the tables the pane writes;
 * until the user picks one it follows the interface language. Each language's name is shown in itself.
 */
import * as React from "react";
import { Field, Select } from "@fluentui/react-components";
import { Lang, getLanguage, t } from "../../i18n/catalogue";
import { paneTableLanguageMessages as m } from "../../i18n/messages/pane-table-language";

export function TableLanguageField({ value, onChange }: { value: Lang | undefined; onChange: (lang: Lang) => void }): React.JSX.Element {
  const lang = value ?? getLanguage();
  return (
    <Field label={t(m.label)} size="small">
      <Select size="small" aria-label={t(m.label)} value={lang} onChange={(_e, d) => onChange(d.value === "zh" ? "zh" : "en")}>
        <option value="en">{t(m.english)}</option>
        <option value="zh">{t(m.chinese)}</option>
      </Select>
    </Field>
  );
}
