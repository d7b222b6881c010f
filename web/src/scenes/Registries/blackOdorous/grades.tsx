/**
 * @module How grades of the 2015 guide look: 不黑臭 green, 轻度 orange, 重度 red, not yet graded grey.
 */
import { Tag } from "antd";
import { GRADE_LABELS, type BlackOdorGrade } from "../../../../../domain/blackOdorous/thresholds";
import { useT } from "../../../i18n";

/** Colour of a grade. */
export const GRADE_COLOURS: Record<BlackOdorGrade | "unknown", string> = { none: "#389e0d", light: "#fa8c16", severe: "#cf1322", unknown: "#8c8c8c" };

/** A grade tag. */
export function GradeTag({ grade, testId }: { grade: BlackOdorGrade | null; testId?: string }) {
  const t = useT();
  if (!grade) return <Tag data-testid={testId}>{t("registries.bo.notGraded")}</Tag>;
  return <Tag color={grade === "none" ? "green" : grade === "light" ? "orange" : "red"} data-testid={testId} data-grade={grade}>{GRADE_LABELS[grade][t.lang]}</Tag>;
}
