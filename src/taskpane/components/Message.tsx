/** A Fluent MessageBar for a PaneMessage (errors say what is wrong and how to fix it). */
import * as React from "react";
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { PaneMessage } from "../messages";

export function Message({ message }: { message: PaneMessage | null }): React.JSX.Element | null {
  if (!message) return null;
  return (
    <MessageBar intent={message.intent} layout="multiline" role={message.intent === "error" ? "alert" : "status"} style={{ marginTop: 6 }}>
      <MessageBarBody>
        <MessageBarTitle>{message.title}</MessageBarTitle> {message.text}
      </MessageBarBody>
    </MessageBar>
  );
}
