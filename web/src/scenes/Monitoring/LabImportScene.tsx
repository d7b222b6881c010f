/**
 * @module /monitoring/import: lab results from the district's template (.xlsx or .csv). The file is read as base64
 * in the browser and checked on the server first (nothing stored): every bad row with its row number and reasons,
 * and a preview. Import stays disabled while bad rows remain unless 跳过错误行 is ticked; progress shows while the
 * file is read, uploaded, checked and imported; the result says what was stored. For office administrators and
 * monitoring operators (the API refuses others too).
 */
import { useState } from "react";
import { Alert, App, Button, Card, Checkbox, Col, Descriptions, Progress, Result, Row, Space, Statistic, Steps, Table, Tag, Typography, Upload } from "antd";
import { DownloadOutlined, InboxOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { checkLabFile, importLabFile, labTemplateUrl, readFileBase64 } from "../../api/monitoring";
import type { LabImportResult, LabReport, LabRowErrorView } from "../../api/types";
import { PageHeader } from "../../components/PageHeader";
import { Forbidden } from "../../components/Status";
import { buttonTestId } from "../../components/testId";
import { useSession } from "../../hooks/useSession";
import { errorMessage } from "../../i18n/errors";
import { useT } from "../../i18n";
import { MonitoringNav, useAllPoints } from "./MonitoringNav";
import { downloadText } from "./seriesOption";
import { factorName, formatValue, useCanImportLab } from "./quality";

/** Largest file the API takes (12 MB, sent as 16 MB of base64). */
const MAX_BYTES = 12 * 1024 * 1024;

type Stage = "idle" | "reading" | "checking" | "checked" | "importing" | "done";

/** The file in hand. */
interface Picked {
  fileName: string;
  size: number;
  contentBase64: string;
}

/** The /monitoring/import page. */
export default function LabImportScene() {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const session = useSession();
  const all = useAllPoints();
  const canImport = useCanImportLab(all.data?.policies);
  const [stage, setStage] = useState<Stage>("idle");
  const [percent, setPercent] = useState(0);
  const [picked, setPicked] = useState<Picked | null>(null);
  const [report, setReport] = useState<LabReport | null>(null);
  const [result, setResult] = useState<LabImportResult | null>(null);
  const [skipErrors, setSkipErrors] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const csrf = session.data?.csrfToken;
  const pointName = (id: string) => all.data?.data.find((p) => p.id === id)?.code ?? id.slice(0, 8);

  const check = useMutation({
    mutationFn: async (file: File) => {
      setStage("reading");
      setPercent(0);
      const contentBase64 = await readFileBase64(file, (f) => setPercent(Math.round(f * 20)));
      const p: Picked = { fileName: file.name, size: file.size, contentBase64 };
      setPicked(p);
      setStage("checking");
      return checkLabFile({ fileName: p.fileName, contentBase64 }, csrf, (f) => setPercent(20 + Math.round(f * 70)));
    },
    onSuccess: (r) => {
      setPercent(100);
      setReport(r);
      setStage("checked");
    },
    onError: (e) => {
      setStage("idle");
      setFailure(errorMessage(e, t));
    },
  });

  const run = useMutation({
    mutationFn: () => {
      setStage("importing");
      setPercent(0);
      return importLabFile({ fileName: picked!.fileName, contentBase64: picked!.contentBase64, skipErrors }, csrf, (f) => setPercent(Math.round(f * 90)));
    },
    onSuccess: (r) => {
      setPercent(100);
      setResult(r);
      setStage("done");
      message.success(t("monitoring.lab.done", { n: r.inserted }));
      // New values change latest classes, series and monthly tables everywhere.
      for (const key of ["readings-latest", "series", "assessment", "assessment-year", "rivers", "river-year", "drinking-water"]) void qc.invalidateQueries({ queryKey: [key] });
    },
    onError: (e) => {
      setStage("checked");
      setFailure(errorMessage(e, t));
    },
  });

  const reset = () => {
    setStage("idle");
    setPicked(null);
    setReport(null);
    setResult(null);
    setSkipErrors(false);
    setFailure(null);
    setPercent(0);
  };

  if (all.data && !canImport) return <Forbidden />;

  const errors = report?.errors ?? [];
  const blocked = !report || report.fileError !== null || report.valid === 0 || (errors.length > 0 && !skipErrors);
  const busy = stage === "reading" || stage === "checking" || stage === "importing";
  const stepIndex = { idle: 0, reading: 0, checking: 1, checked: 2, importing: 2, done: 3 }[stage];

  const exportErrors = () => {
    const esc = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    const cols = ["站点", "采样时间", "因子", "数值", "单位", "检出限", "备注"];
    const lines = [
      [t("monitoring.lab.col.row"), t("monitoring.lab.col.reasons"), ...cols].map(esc).join(","),
      ...errors.map((e) => [String(e.row), e.reasons.join("；"), ...cols.map((c) => e.cells[c] ?? "")].map(esc).join(",")),
    ];
    downloadText("\ufeff" + lines.join("\r\n") + "\r\n", `${picked?.fileName ?? "lab"}.errors.csv`);
  };

  return (
    <>
      <PageHeader title={t("monitoring.lab.title")} extra={<MonitoringNav current="import" />} />
      <Card style={{ marginBottom: 16 }}>
        <Steps
          size="small"
          current={stepIndex}
          status={stage === "done" ? "finish" : "process"}
          items={[{ title: t("monitoring.lab.step.pick") }, { title: t("monitoring.lab.step.check") }, { title: t("monitoring.lab.step.import") }, { title: t("monitoring.lab.step.done") }]}
          style={{ marginBottom: 16 }}
        />
        <Space wrap style={{ marginBottom: 16 }}>
          <Typography.Text>{t("monitoring.lab.template")}</Typography.Text>
          <Button icon={<DownloadOutlined />} href={labTemplateUrl("xlsx")} data-testid="lab-template-xlsx">
            .xlsx
          </Button>
          <Button icon={<DownloadOutlined />} href={labTemplateUrl("csv")} data-testid="lab-template-csv">
            .csv
          </Button>
          <Typography.Text type="secondary">{t("monitoring.lab.templateHelp")}</Typography.Text>
        </Space>
        <div data-testid="lab-upload">
          <Upload.Dragger
            accept=".xlsx,.csv"
            multiple={false}
            showUploadList={false}
            disabled={busy}
            beforeUpload={(file) => {
              reset();
              if (file.size > MAX_BYTES) setFailure(t("monitoring.lab.tooLarge"));
              else check.mutate(file);
              return Upload.LIST_IGNORE;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t("monitoring.lab.drop")}</p>
            <p className="ant-upload-hint">{t("monitoring.lab.dropHint")}</p>
          </Upload.Dragger>
        </div>
        {(busy || stage === "checked" || stage === "done") && (
          <div style={{ marginTop: 12 }} data-testid="lab-progress">
            <Typography.Text type="secondary">
              {picked ? `${picked.fileName}（${picked.size < 1024 ? `${picked.size} B` : `${formatValue(picked.size / 1024)} KB`}）· ` : ""}
              {t(`monitoring.lab.stage.${stage}`)}
            </Typography.Text>
            <Progress percent={percent} status={busy ? "active" : "success"} size="small" />
          </div>
        )}
        {failure && <Alert type="error" showIcon style={{ marginTop: 12 }} message={failure} closable onClose={() => setFailure(null)} data-testid="lab-failure" />}
      </Card>

      {report && stage !== "done" && (
        <Card title={t("monitoring.lab.report", { file: report.fileName })} style={{ marginBottom: 16 }} data-testid="lab-report">
          {report.fileError ? (
            <Alert type="error" showIcon message={report.fileError} />
          ) : (
            <>
              <Row gutter={16} style={{ marginBottom: 16 }}>
                <Col span={6}>
                  <Statistic title={t("monitoring.lab.rows")} value={report.rows} />
                </Col>
                <Col span={6}>
                  <Statistic title={t("monitoring.lab.valid")} value={report.valid} valueStyle={{ color: "#389e0d" }} />
                </Col>
                <Col span={6}>
                  <Statistic title={t("monitoring.lab.bad")} value={errors.length} valueStyle={{ color: errors.length ? "#cf1322" : undefined }} />
                </Col>
              </Row>
              {errors.length > 0 ? (
                <>
                  <Alert
                    type="warning"
                    showIcon
                    style={{ marginBottom: 12 }}
                    message={t("monitoring.lab.hasErrors", { n: errors.length })}
                    action={
                      <Button size="small" onClick={exportErrors} data-testid="lab-errors-csv">
                        {t("monitoring.lab.errorsCsv")}
                      </Button>
                    }
                  />
                  <div data-testid="lab-errors">
                    <Table<LabRowErrorView>
                      rowKey="row"
                      size="small"
                      dataSource={errors}
                      pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
                      scroll={{ x: 800 }}
                      columns={[
                        { title: t("monitoring.lab.col.row"), dataIndex: "row", width: 80, render: (r: number) => <Tag color="red">{t("monitoring.lab.rowN", { n: r })}</Tag> },
                        {
                          title: t("monitoring.lab.col.reasons"),
                          dataIndex: "reasons",
                          render: (rs: string[]) => (
                            <ul style={{ margin: 0, paddingInlineStart: 16 }}>
                              {rs.map((r) => (
                                <li key={r}>{r}</li>
                              ))}
                            </ul>
                          ),
                        },
                        {
                          title: t("monitoring.lab.col.cells"),
                          dataIndex: "cells",
                          width: 360,
                          render: (c: Record<string, string>) => (
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {Object.entries(c)
                                .filter(([, v]) => v)
                                .map(([k, v]) => `${k}: ${v}`)
                                .join(" · ")}
                            </Typography.Text>
                          ),
                        },
                      ]}
                    />
                  </div>
                </>
              ) : (
                <Alert type="success" showIcon style={{ marginBottom: 12 }} message={t("monitoring.lab.clean")} />
              )}
              {report.preview.length > 0 && (
                <>
                  <Typography.Title level={5} style={{ marginTop: 16 }}>
                    {t("monitoring.lab.preview", { n: report.preview.length, total: report.valid })}
                  </Typography.Title>
                  <Table
                    rowKey="row"
                    size="small"
                    dataSource={report.preview}
                    pagination={false}
                    scroll={{ x: 760 }}
                    columns={[
                      { title: t("monitoring.lab.col.row"), dataIndex: "row", width: 70 },
                      { title: t("monitoring.lab.col.point"), dataIndex: "pointId", render: (id: string) => pointName(id) },
                      { title: t("monitoring.lab.col.time"), dataIndex: "localTime" },
                      { title: t("monitoring.lab.col.factor"), dataIndex: "factor", render: (f: string) => factorName(f, t) },
                      {
                        title: t("monitoring.lab.col.value"),
                        key: "v",
                        align: "right",
                        render: (_, r) => (r.belowDl ? `<${formatValue(r.value)}` : formatValue(r.value)),
                      },
                      { title: t("monitoring.lab.col.original"), key: "o", render: (_, r) => `${formatValue(r.originalValue)} ${r.originalUnit}` },
                    ]}
                  />
                </>
              )}
            </>
          )}
          <Space style={{ marginTop: 16 }} wrap>
            {errors.length > 0 && !report.fileError && (
              <Checkbox checked={skipErrors} onChange={(e) => setSkipErrors(e.target.checked)} data-testid="lab-skip-errors">
                {t("monitoring.lab.skipErrors", { n: errors.length })}
              </Checkbox>
            )}
            <Button type="primary" disabled={blocked || busy} loading={run.isPending} onClick={() => run.mutate()} {...buttonTestId("lab-import-submit")}>
              {t("monitoring.lab.submit", { n: report.valid })}
            </Button>
            <Button onClick={reset} disabled={busy}>
              {t("monitoring.lab.another")}
            </Button>
          </Space>
        </Card>
      )}

      {result && stage === "done" && (
        <Card data-testid="lab-result">
          <Result
            status={result.skippedRows ? "warning" : "success"}
            title={t("monitoring.lab.resultTitle", { file: result.report.fileName })}
            subTitle={t("monitoring.lab.resultSub")}
            extra={
              <Button type="primary" onClick={reset}>
                {t("monitoring.lab.another")}
              </Button>
            }
          >
            <Descriptions column={{ xs: 1, md: 3 }} bordered size="small">
              <Descriptions.Item label={t("monitoring.lab.inserted")}>{result.inserted}</Descriptions.Item>
              <Descriptions.Item label={t("monitoring.lab.duplicates")}>{result.duplicates}</Descriptions.Item>
              <Descriptions.Item label={t("monitoring.lab.skipped")}>{result.skippedRows}</Descriptions.Item>
            </Descriptions>
          </Result>
        </Card>
      )}
    </>
  );
}
