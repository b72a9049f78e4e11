/** Messages of the CLI's data-file reader (progress on large files). */
import { defineMessages } from "../catalogue";

export const readMessages = defineMessages({
  progressStart: { en: "nqp: reading {file} ({mb} MB):", zh: "nqp：正在读取 {file}（{mb} MB）：" },
});
