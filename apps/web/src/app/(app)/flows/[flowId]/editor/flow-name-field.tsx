"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTRPC } from "~/trpc/react";
import { useFlowEditor } from "./use-flow-editor";

/** The flow's name, editable in place (saved on Enter or leaving the field; Escape puts it back). */
export function FlowNameField() {
  const { flowId, name, canEdit } = useFlowEditor();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [value, setValue] = useState(name);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setValue(name), [name]);

  const rename = useMutation(
    trpc.flows.rename.mutationOptions({
      onSuccess: async () => {
        setError(null);
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.flows.get.queryKey({ flowId }) }),
          queryClient.invalidateQueries({ queryKey: trpc.flows.list.queryKey() }),
        ]);
      },
      onError: (failure) => {
        setError(`Could not rename the flow: ${failure.message}`);
        setValue(name);
      },
    }),
  );

  if (!canEdit) return <h1 className="fe-flow-name">{name}</h1>;

  function commit() {
    const next = value.trim();
    if (next === name) return setValue(name);
    if (next === "") {
      setError("Give the flow a name");
      return setValue(name);
    }
    rename.mutate({ flowId, name: next });
  }

  return (
    <div className="fe-flow-name-field">
      <h1 className="fe-flow-name">
        <input
          aria-label="Flow name"
          value={value}
          maxLength={200}
          disabled={rename.isPending}
          onChange={(event) => setValue(event.target.value)}
          onBlur={commit}
          onKeyDown={(event) => {
            if (event.key === "Enter") event.currentTarget.blur();
            if (event.key === "Escape") {
              setValue(name);
              setError(null);
            }
          }}
        />
      </h1>
      {error ? (
        <p role="alert" className="ho-error fe-inline-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
