/**
 * @module Full-page states shared by scenes: loading, forbidden, not found, load failure.
 */
import { Button, Result, Spin } from "antd";
import { Link } from "react-router";
import { errorMessage } from "../i18n/errors";
import { useT } from "../i18n";

/** A centered spinner while a lazy scene or its data loads. */
export function PageLoading() {
  return (
    <div style={{ display: "flex", justifyContent: "center", padding: 64 }}>
      <Spin size="large" />
    </div>
  );
}

/** Shown when the user's role cannot open the page (no data is requested). */
export function Forbidden() {
  const t = useT();
  return (
    <Result
      status="403"
      title={t("forbidden.title")}
      subTitle={t("forbidden.subTitle")}
      extra={
        <Link to="/">
          <Button type="primary">{t("common.backHome")}</Button>
        </Link>
      }
      data-testid="forbidden"
    />
  );
}

/** Shown for an unknown address inside the shell. */
export function NotFound() {
  const t = useT();
  return (
    <Result
      status="404"
      title={t("notFound.title")}
      subTitle={t("notFound.subTitle")}
      extra={
        <Link to="/">
          <Button type="primary">{t("common.backHome")}</Button>
        </Link>
      }
    />
  );
}

/** A failed load with its mapped message and a retry button. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  return (
    <Result
      status="warning"
      title={errorMessage(error, t)}
      extra={onRetry ? <Button onClick={onRetry}>{t("common.retry")}</Button> : undefined}
    />
  );
}
