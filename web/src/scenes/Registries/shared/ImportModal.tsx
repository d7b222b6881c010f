/**
 * @module Import of a registry's .xlsx: pick a file (read as base64 in the browser), the server checks it and
 * reports every bad row with its reasons (nothing stored); import stays disabled until the file is clean, and then
 * stores every row in one transaction. The template is one click away.
 */
import { useState } from "react";
import { Alert, App, Button, Modal, Result, Space, Statistic, Table, Typography, Upload } from "antd";
import { DownloadOutlined, InboxOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { checkImport, readFileBase64, runImport, templateUrl, type FileUpload, type ImportReport, type ImportResult } from "../../../api/registries";
import { useSession } from "../../../hooks/useSession";
import { errorMessage } from "../../../i18n/errors";
import { useT } from "../../../i18n";
import { buttonTestId } from "../../../components/testId";

/** Props. */
export interface ImportModalProps {
  registry: string;
  open: boolean;
  onClose: () => void;
}

/** The import dialog. */
export function ImportModal({ registry, open, onClose }: ImportModalProps) {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const csrf = useSession().data?.csrfToken;
  const [file, setFile] = useState<FileUpload | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const reset = () => {
    setFile(null);
    setReport(null);
    setResult(null);
    setFailure(null);
  };
  const check = useMutation({
    mutationFn: async (f: File) => {
      const picked = { fileName: f.name, contentBase64: await readFileBase64(f) };
      setFile(picked);
      return checkImport(registry, picked, csrf);
    },
    onSuccess: setReport,
    onError: (e) => setFailure(errorMessage(e, t)),
  });
  const run = useMutation({
    mutationFn: () => runImport(registry, file!, csrf),
    onSuccess: (r) => {
      setResult(r);
      message.success(t("registries.import.done", { created: r.created, updated: r.updated }));
      void qc.invalidateQueries({ queryKey: ["registries"] });
    },
    onError: (e) => setFailure(errorMessage(e, t)),
  });

  return (
    <Modal
      open={open}
      title={t("registries.import.title")}
      width={860}
      onCancel={() => {
        reset();
        onClose();
      }}
      okText={t("registries.import.submit")}
      okButtonProps={{ ...buttonTestId("registry-import-submit"), disabled: !report?.clean || Boolean(result) || report.creates + report.updates === 0, loading: run.isPending }}
      onOk={() => run.mutate()}
      destroyOnHidden
    >
      <Space direction="vertical" style={{ width: "100%" }} size="middle">
        <Space wrap>
          <Button icon={<DownloadOutlined />} href={templateUrl(registry)} data-testid="registry-template">
            {t("registries.import.template")}
          </Button>
          <Typography.Text type="secondary">{t("registries.import.help")}</Typography.Text>
        </Space>
        {!result && (
          <div data-testid="registry-import-upload">
            <Upload.Dragger
              accept=".xlsx"
              multiple={false}
              showUploadList={false}
              disabled={check.isPending || run.isPending}
              beforeUpload={(f) => {
                reset();
                check.mutate(f);
                return false;
              }}
            >
              <p className="ant-upload-drag-icon"><InboxOutlined /></p>
              <p className="ant-upload-text">{file ? file.fileName : t("registries.import.drop")}</p>
            </Upload.Dragger>
          </div>
        )}
        {failure && <Alert type="error" showIcon message={failure} data-testid="registry-import-failure" />}
        {report && (
          <div data-testid="registry-import-report" data-clean={report.clean ? "1" : "0"}>
            {report.fileError ? (
              <Alert type="error" showIcon message={report.fileError} />
            ) : (
              <Space direction="vertical" style={{ width: "100%" }}>
                <Space size="large">
                  <Statistic title={t("registries.import.rows")} value={report.rows} />
                  <Statistic title={t("registries.import.creates")} value={report.creates} />
                  <Statistic title={t("registries.import.updates")} value={report.updates} />
                  <Statistic title={t("registries.import.unchanged")} value={report.unchanged} />
                  <Statistic title={t("registries.import.errors")} value={report.errors.length} valueStyle={{ color: report.errors.length ? "#cf1322" : undefined }} />
                </Space>
                {report.errors.length > 0 ? (
                  <>
                    <Alert type="warning" showIcon message={t("registries.import.blocked", { n: report.errors.length })} />
                    <Table
                      size="small"
                      rowKey="row"
                      data-testid="registry-import-errors"
                      dataSource={report.errors}
                      pagination={{ pageSize: 8, hideOnSinglePage: true }}
                      columns={[
                        { title: t("registries.import.row"), dataIndex: "row", width: 70 },
                        { title: t("registries.import.reasons"), dataIndex: "reasons", render: (rs: string[]) => rs.map((r) => <div key={r}>{r}</div>) },
                      ]}
                    />
                  </>
                ) : (
                  <Alert type="success" showIcon message={t("registries.import.clean")} />
                )}
              </Space>
            )}
          </div>
        )}
        {result && (
          <Result status="success" title={t("registries.import.done", { created: result.created, updated: result.updated })} data-testid="registry-import-result" />
        )}
      </Space>
    </Modal>
  );
}
