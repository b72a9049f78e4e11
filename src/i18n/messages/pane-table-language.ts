/** The task pane's table-language select (src/taskpane/components/TableLanguageField.tsx). */
import { defineMessages } from "../catalogue";

export const paneTableLanguageMessages = defineMessages({
  label: { en: "Table language", zh: "表格语言" },
  english: { en: "English", zh: "English" },
  chinese: { en: "中文", zh: "中文" },
});
