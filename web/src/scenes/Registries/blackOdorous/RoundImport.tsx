/**
 * @module Importing a sampling round of a body: the template (points × days × the four indicators and depth), the
 * file checked on the server with every bad row listed and, when clean, the grade it would get by the 2015 guide
 * with its reasons — and a warning when it would raise 返黑返臭; then the import (one transaction).
 */
import { useState } from "react";
import { Alert, App, Button, List, Modal, Space, Table, Typography, Upload } from "antd";
import { DownloadOutlined, InboxOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { postWithProgress, readFileBase64, type FileUpload } from "../../../api/registries";
import { useSession } from "../../../hooks/useSession";
import { errorMessage } from "../../../i18n/errors";
import { useT } from "../../../i18n";
import { buttonTestId } from "../../../components/testId";
import { GradeTag } from "./grades";
import type { RoundCheck } from "./types";

const BASE = "/api/registries/black-odorous";

/** The dialog. */
export function RoundImport({ bodyId, open, onClose }: { bodyId: string; open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const csrf = useSession().data?.csrfToken;
  const [file, setFile] = useState<FileUpload | null>(null);
  const [check, setCheck] = useState<RoundCheck | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const close = () => {
    setFile(null);
    setCheck(null);
    setFailure(null);
    onClose();
  };
  const run = useMutation({
    mutationFn: async (f: File) => {
      const picked = { fileName: f.name, contentBase64: await readFileBase64(f) };
      setFile(picked);
      setFailure(null);
      return postWithProgress<RoundCheck>(`${BASE}/${bodyId}/rounds/check`, picked, csrf);
    },
    onSuccess: setCheck,
    onError: (e) => setFailure(errorMessage(e, t)),
  });
  const save = useMutation({
    mutationFn: () => postWithProgress<{ grade: { grade: string }; relapse: unknown }>(`${BASE}/${bodyId}/rounds`, file, csrf),
    onSuccess: (r) => {
      message.success(r.relapse ? t("registries.bo.round.relapsed") : t("registries.bo.round.imported"));
      void qc.invalidateQueries({ queryKey: ["registries"] });
      close();
    },
    onError: (e) => setFailure(errorMessage(e, t)),
  });
  return (
    <Modal
      open={open}
      width={820}
      title={t("registries.bo.round.import")}
      onCancel={close}
      okText={t("registries.import.submit")}
      onOk={() => save.mutate()}
      okButtonProps={{ ...buttonTestId("round-import-submit"), disabled: !check?.clean, loading: save.isPending }}
      destroyOnHidden
    >
      <Space direction="vertical" style={{ width: "100%" }}>
        <Space>
          <Button icon={<DownloadOutlined />} href={`${BASE}/sampling-template.xlsx`} data-testid="round-template">{t("registries.bo.round.template")}</Button>
          <Typography.Text type="secondary">{t("registries.bo.round.help")}</Typography.Text>
        </Space>
        <div data-testid="round-upload">
          <Upload.Dragger accept=".xlsx" showUploadList={false} beforeUpload={(f) => { run.mutate(f); return false; }}>
            <p className="ant-upload-drag-icon"><InboxOutlined /></p>
            <p className="ant-upload-text">{file?.fileName ?? t("registries.import.drop")}</p>
          </Upload.Dragger>
        </div>
        {failure && <Alert type="error" showIcon message={failure} />}
        {check?.fileError && <Alert type="error" showIcon message={check.fileError} />}
        {check && check.errors.length > 0 && (
          <>
            <Alert type="warning" showIcon message={t("registries.import.blocked", { n: check.errors.length })} />
            <Table size="small" rowKey="row" dataSource={check.errors} pagination={false} data-testid="round-errors" columns={[
              { title: t("registries.import.row"), dataIndex: "row", width: 70 },
              { title: t("registries.import.reasons"), dataIndex: "reasons", render: (rs: string[]) => rs.join("；") },
            ]} />
          </>
        )}
        {check?.grade && (
          <div data-testid="round-preview">
            <Space>
              <Typography.Text>{t("registries.bo.round.span", { from: check.sampledFrom ?? "", to: check.sampledTo ?? "", n: check.samples })}</Typography.Text>
              <GradeTag grade={check.grade.grade} testId="round-preview-grade" />
            </Space>
            <List size="small" dataSource={check.grade.reasons} renderItem={(r) => <List.Item>{r[t.lang]}</List.Item>} />
            {check.grade.warnings.length > 0 && <Alert type="info" showIcon message={check.grade.warnings.map((w) => w[t.lang]).join("；")} />}
            {check.relapse && <Alert type="error" showIcon style={{ marginTop: 8 }} message={t("registries.bo.round.willRelapse")} description={check.relapse[t.lang]} data-testid="round-preview-relapse" />}
          </div>
        )}
      </Space>
    </Modal>
  );
}
