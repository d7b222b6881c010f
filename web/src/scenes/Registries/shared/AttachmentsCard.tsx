/**
 * @module A record's attachments: photos as thumbnails with their EXIF GPS position and time (shown to staff so
 * a site photo can be checked against the reported place, including its distance from the record's location),
 * other files as links; upload (JPEG/PNG photos, or PDF documents, ≤ 10 MB — the server sniffs the content) for
 * those the record's policy lets attach.
 */
import { useState } from "react";
import { App, Button, Card, Empty, Flex, Image, Select, Space, Tag, Typography, Upload } from "antd";
import { EnvironmentOutlined, UploadOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { readFileBase64, uploadAttachment, type Attachment } from "../../../api/registries";
import { distanceKm, type Position } from "../../../../../domain/registries/geo";
import { useSession } from "../../../hooks/useSession";
import { errorMessage } from "../../../i18n/errors";
import { useT, type MessageKey } from "../../../i18n";

const PURPOSES: Attachment["purpose"][] = ["photo", "evidence", "rectification", "document"];
const MAX_BYTES = 10 * 1024 * 1024;

/** Props. */
export interface AttachmentsCardProps {
  registry: string;
  id: string;
  attachments: Attachment[];
  canAttach: boolean;
  /** The record's own position, to say how far a photo was taken from it. */
  at?: Position | null;
  /** Purposes offered (default all). */
  purposes?: Attachment["purpose"][];
}

/** The attachments card. */
export function AttachmentsCard({ registry, id, attachments, canAttach, at, purposes = PURPOSES }: AttachmentsCardProps) {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const csrf = useSession().data?.csrfToken;
  const [purpose, setPurpose] = useState<Attachment["purpose"]>(purposes[0]);
  const upload = useMutation({
    mutationFn: async (f: File) => uploadAttachment(registry, id, { purpose, fileName: f.name, contentBase64: await readFileBase64(f) }, csrf),
    onSuccess: () => {
      message.success(t("registries.attachments.uploaded"));
      void qc.invalidateQueries({ queryKey: ["registries", registry] });
    },
    onError: (e) => message.error(errorMessage(e, t)),
  });
  const photos = attachments.filter((a) => a.contentType.startsWith("image/"));
  const others = attachments.filter((a) => !a.contentType.startsWith("image/"));
  return (
    <Card
      size="small"
      title={t("registries.attachments", { n: attachments.length })}
      data-testid="registry-attachments"
      extra={
        canAttach && (
          <Space>
            <Select size="small" value={purpose} onChange={setPurpose} style={{ width: 130 }} options={purposes.map((p) => ({ value: p, label: t(`registries.purpose.${p}` as MessageKey) }))} data-testid="attachment-purpose" />
            <Upload
              accept=".jpg,.jpeg,.png,.pdf"
              showUploadList={false}
              beforeUpload={(f) => {
                if (f.size > MAX_BYTES) message.error(t("registries.attachments.tooLarge"));
                else upload.mutate(f);
                return false;
              }}
            >
              <Button size="small" icon={<UploadOutlined />} loading={upload.isPending} data-testid="attachment-upload">
                {t("registries.attachments.upload")}
              </Button>
            </Upload>
          </Space>
        )
      }
    >
      {attachments.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("registries.attachments.none")} />}
      <Flex wrap gap={12}>
        {photos.map((a) => (
          <div key={a.id} style={{ width: 180 }} data-testid={`attachment-${a.fileName}`}>
            <Image src={a.url} alt={a.fileName} width={180} height={120} style={{ objectFit: "cover", borderRadius: 6, background: "#f0f0f0" }} />
            <div style={{ fontSize: 12, marginTop: 4 }}>
              <Tag>{t(`registries.purpose.${a.purpose}` as MessageKey)}</Tag>
              <Typography.Text ellipsis style={{ maxWidth: 100 }}>{a.fileName}</Typography.Text>
            </div>
            <div style={{ fontSize: 12 }} data-testid="attachment-location">
              <EnvironmentOutlined />{" "}
              {a.location ? (
                <>
                  {a.location.lon.toFixed(5)}, {a.location.lat.toFixed(5)}
                  {at && <> · {t("registries.attachments.distance", { km: distanceKm(at, [a.location.lon, a.location.lat]).toFixed(2) })}</>}
                </>
              ) : (
                <Typography.Text type="secondary">{t("registries.attachments.noGps")}</Typography.Text>
              )}
            </div>
            {a.takenAt && (
              <div style={{ fontSize: 12, color: "#8c8c8c" }}>
                {t("registries.attachments.takenAt")} {new Date(a.takenAt).toLocaleString(t.lang === "zh" ? "zh-CN" : "en-GB", { timeZone: "Asia/Shanghai" })}
              </div>
            )}
          </div>
        ))}
      </Flex>
      {others.map((a) => (
        <div key={a.id} data-testid={`attachment-${a.fileName}`}>
          <Tag>{t(`registries.purpose.${a.purpose}` as MessageKey)}</Tag>
          <a href={a.url} target="_blank" rel="noreferrer">{a.fileName}</a>{" "}
          <Typography.Text type="secondary">{Math.ceil(a.size / 1024)} KB · {a.uploadedBy}</Typography.Text>
        </div>
      ))}
    </Card>
  );
}
