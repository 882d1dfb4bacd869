"use client";

import { Button } from "@handoff/ui";
import { type FormEvent, type RefObject, useId, useState } from "react";
import { parseVersionRef, type VersionRef } from "./version-ref";

/** "Compare with…": any two versions, or a version and the current draft. */
export function VersionComparePicker({
  numbers,
  from,
  onFromChange,
  toSelectRef,
  onCompare,
}: {
  numbers: readonly number[];
  from: VersionRef | null;
  onFromChange: (from: VersionRef | null) => void;
  /** Focused when a version's "Compare with…" picks the first side. */
  toSelectRef: RefObject<HTMLSelectElement | null>;
  onCompare: (from: VersionRef, to: VersionRef) => void;
}) {
  const id = useId();
  const [to, setTo] = useState<VersionRef | null>(null);
  const [error, setError] = useState<string | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (from === null || to === null) return setError("Choose both sides to compare");
    if (from === to) return setError("Choose two different versions");
    setError(null);
    onCompare(from, to);
  }

  const options = (
    <>
      <option value="">Choose…</option>
      {[...numbers].reverse().map((number) => (
        <option key={number} value={number}>
          Version {number}
        </option>
      ))}
      <option value="draft">Current draft</option>
    </>
  );
  return (
    <form className="ho-toolbar ho-compare-picker" onSubmit={onSubmit} noValidate aria-label="Compare two versions">
      <div className="ho-field">
        <label htmlFor={`${id}-from`}>Compare</label>
        <select
          id={`${id}-from`}
          value={from ?? ""}
          onChange={(event) => onFromChange(parseVersionRef(event.target.value))}
        >
          {options}
        </select>
      </div>
      <div className="ho-field">
        <label htmlFor={`${id}-to`}>with</label>
        <select
          id={`${id}-to`}
          ref={toSelectRef}
          value={to ?? ""}
          onChange={(event) => setTo(parseVersionRef(event.target.value))}
        >
          {options}
        </select>
      </div>
      <Button type="submit" variant="secondary">
        Compare
      </Button>
      {error ? (
        <p role="alert" className="ho-error">
          {error}
        </p>
      ) : null}
    </form>
  );
}
