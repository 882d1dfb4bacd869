"use client";

import { useState } from "react";
import { Button } from "./button";

/** A value shown in full with a copy button: invite links, webhook URLs. */
export function CopyableText({ value, label }: { value: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="ho-copyable">
      <input readOnly value={value} aria-label={label} onFocus={(event) => event.currentTarget.select()} />
      <Button
        variant="secondary"
        onClick={() => {
          void navigator.clipboard?.writeText(value).then(() => setCopied(true));
        }}
      >
        {copied ? "Copied" : "Copy"}
      </Button>
    </div>
  );
}
