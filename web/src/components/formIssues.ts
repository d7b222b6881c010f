/**
 * @module Puts a `validation` error's field issues onto an antd form, so the message appears under the field.
 */
import type { FormInstance } from "antd";
import { ApiError } from "../api/client";

/**
 * Shows each issue under its field (paths are dotted; `fieldMap` renames API fields to form fields).
 * Returns true when at least one issue landed on a field of the form.
 * @example if (!applyIssues(form, err, { unitIds: "units" })) message.error(errorMessage(err, t));
 */
export function applyIssues(form: FormInstance, err: unknown, fieldMap: Record<string, string> = {}): boolean {
  if (!(err instanceof ApiError) || err.id !== "validation") return false;
  const known = new Set(Object.keys(form.getFieldsValue() as object));
  const byField = new Map<string, string[]>();
  for (const issue of err.issues) {
    const top = issue.path.split(".")[0] ?? "";
    const field = fieldMap[top] ?? top;
    if (!known.has(field)) continue;
    byField.set(field, [...(byField.get(field) ?? []), issue.message]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return byField.size > 0;
}
