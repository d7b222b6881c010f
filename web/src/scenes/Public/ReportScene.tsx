/**
 * @module Filing a complaint (有奖举报) from a phone: category, description, the place (tap the map, use the phone's
 * location, or type an address), photos (JPEG/PNG, at most 3 × 5 MB — the site removes their location data before
 * anyone else sees them), whom it concerns, an optional contact for follow-up and the reward, and whether to keep
 * the reporter's identity from the handling unit. Similar open complaints nearby are shown before sending. The
 * receipt code is shown once, to keep.
 */
import { useEffect, useRef, useState } from "react";
import { CameraOutlined } from "@ant-design/icons";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Alert, Button, Checkbox, Form, Input, Result, Select, Typography } from "antd";
import { Link } from "react-router";
import { fileComplaint, fileToBase64, publicCategories, similarComplaints, type PublicComplaint } from "../../api/complaints";
import { ApiError } from "../../api/client";
import { errorMessage } from "../../i18n/errors";
import { useT } from "../../i18n";
import { LocationPicker } from "./LocationPicker";
import { Section, StateTag, when } from "./shared";

const MAX_PHOTOS = 3;
const MAX_BYTES = 5 * 1024 * 1024;
const TYPES = ["image/jpeg", "image/png"];

/** /public/report */
export default function ReportScene() {
  const t = useT();
  const categories = useQuery({ queryKey: ["public", "categories"], queryFn: publicCategories, staleTime: 300_000 });
  const [category, setCategory] = useState<string | undefined>();
  const [description, setDescription] = useState("");
  const [point, setPoint] = useState<{ lat: number; lon: number } | null>(null);
  const [address, setAddress] = useState("");
  const [subject, setSubject] = useState("");
  const [photos, setPhotos] = useState<File[]>([]);
  const [photoError, setPhotoError] = useState<string | null>(null);
  const [anonymous, setAnonymous] = useState(true);
  const [wantsReward, setWantsReward] = useState(false);
  const [contact, setContact] = useState({ name: "", phone: "", email: "" });
  const [similar, setSimilar] = useState<PublicComplaint[]>([]);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!point) return;
    const h = setTimeout(() => {
      similarComplaints({ lat: point.lat, lon: point.lon, categoryCode: category, text: description }).then((r) => setSimilar(r.data)).catch(() => setSimilar([]));
    }, 400);
    return () => clearTimeout(h);
  }, [point, category, description]);

  const submit = useMutation({
    mutationFn: async () => fileComplaint({
      categoryCode: category ?? "", description, address: address.trim() || null, lat: point?.lat ?? null, lon: point?.lon ?? null, subject: subject.trim() || null,
      anonymous, wantsReward, contact: contact.name || contact.phone || contact.email ? contact : null,
      photos: await Promise.all(photos.map(async (f) => ({ fileName: f.name, contentBase64: await fileToBase64(f) }))),
    }),
  });

  const addPhotos = (files: FileList | null) => {
    setPhotoError(null);
    const next = [...photos];
    for (const f of Array.from(files ?? [])) {
      if (!TYPES.includes(f.type)) { setPhotoError(t("public.photoType")); continue; }
      if (f.size > MAX_BYTES) { setPhotoError(t("public.photoSize")); continue; }
      if (next.length >= MAX_PHOTOS) { setPhotoError(t("public.photoCount", { n: MAX_PHOTOS })); break; }
      next.push(f);
    }
    setPhotos(next);
  };

  if (submit.isSuccess) {
    const { receipt, complaint } = submit.data.data;
    return (
      <Section title={t("public.filed")} testId="report-done">
        <Result status="success" title={t("public.filedTitle", { number: complaint.number })} subTitle={t("public.keepReceipt")} />
        <div style={{ textAlign: "center" }}>
          <Typography.Text copyable={{ text: receipt }} style={{ fontSize: 26, letterSpacing: 2, fontFamily: "monospace" }} data-testid="report-receipt">
            {receipt.match(/.{1,4}/g)!.join("-")}
          </Typography.Text>
          <p><Link to={`/public/track?receipt=${receipt}`} data-testid="report-track-link">{t("public.nav.track")}</Link></p>
        </div>
      </Section>
    );
  }

  const issues = submit.error instanceof ApiError ? submit.error.issues : [];
  const fieldError = (path: string) => issues.find((i) => i.path === path || i.path.startsWith(`${path}.`))?.message;
  return (
    <Section title={t("public.nav.report")} testId="report-form">
      <p style={{ marginTop: 0, fontSize: 13, color: "#374151" }}>{t("public.reportNotice")}</p>
      <Form layout="vertical" onFinish={() => submit.mutate()}>
        <Form.Item label={t("public.category")} required validateStatus={fieldError("categoryCode") ? "error" : undefined} help={fieldError("categoryCode")}>
          <Select value={category} onChange={setCategory} placeholder={t("public.chooseCategory")} data-testid="report-category" loading={categories.isPending}
            options={(categories.data?.data ?? []).map((c) => ({ value: c.code, label: c.name, title: c.description }))} />
        </Form.Item>
        <Form.Item label={t("public.description")} required validateStatus={fieldError("description") ? "error" : undefined} help={fieldError("description")}>
          <Input.TextArea rows={4} maxLength={4000} showCount value={description} onChange={(e) => setDescription(e.target.value)} placeholder={t("public.descriptionHint")} data-testid="report-description" />
        </Form.Item>
        <Form.Item label={t("public.where")} required validateStatus={fieldError("address") ? "error" : undefined} help={fieldError("address")}>
          <LocationPicker value={point} onChange={setPoint} />
          <Input style={{ marginTop: 8 }} value={address} onChange={(e) => setAddress(e.target.value)} placeholder={t("public.addressHint")} maxLength={300} data-testid="report-address" />
        </Form.Item>
        {similar.length > 0 && (
          <Alert type="info" showIcon data-testid="report-similar" style={{ marginBottom: 16 }} message={t("public.similarTitle")} description={
            <ul style={{ paddingLeft: 16, margin: 0 }}>{similar.map((c) => (
              <li key={c.number}><Link to={`/public/complaints/${c.number}`} target="_blank">{c.number}</Link> <StateTag state={c.state} /> {c.description.slice(0, 40)} · {t("public.metresAway", { m: c.metres ?? 0 })} · {when(c.receivedAt, false)}</li>
            ))}</ul>} />
        )}
        <Form.Item label={t("public.subject")}>
          <Input value={subject} onChange={(e) => setSubject(e.target.value)} maxLength={200} placeholder={t("public.subjectHint")} data-testid="report-subject" />
        </Form.Item>
        <Form.Item label={t("public.photos")} validateStatus={photoError || fieldError("photos") ? "error" : undefined} help={photoError ?? fieldError("photos") ?? t("public.photosHint")}>
          <input ref={fileInput} type="file" accept="image/jpeg,image/png" multiple hidden onChange={(e) => { addPhotos(e.target.files); e.target.value = ""; }} data-testid="report-photos" />
          <Button icon={<CameraOutlined />} onClick={() => fileInput.current?.click()} disabled={photos.length >= MAX_PHOTOS}>{t("public.addPhoto")}</Button>
          <div style={{ display: "flex", gap: 8, marginTop: 8, flexWrap: "wrap" }}>
            {photos.map((f, i) => (
              <span key={`${f.name}-${i}`} style={{ fontSize: 12, background: "#f3f4f6", padding: "2px 8px", borderRadius: 10 }} data-testid="report-photo">
                {f.name} ({Math.round(f.size / 1024)} KB) <a onClick={() => setPhotos(photos.filter((_, j) => j !== i))}>×</a>
              </span>
            ))}
          </div>
        </Form.Item>
        <Form.Item label={t("public.contact")} help={t("public.contactHint")}>
          <Input value={contact.name} onChange={(e) => setContact({ ...contact, name: e.target.value })} placeholder={t("public.contactName")} maxLength={50} data-testid="report-name" style={{ marginBottom: 6 }} />
          <Input value={contact.phone} onChange={(e) => setContact({ ...contact, phone: e.target.value })} placeholder={t("public.contactPhone")} inputMode="tel" maxLength={20} data-testid="report-phone" style={{ marginBottom: 6 }} status={fieldError("contact.phone") ? "error" : undefined} />
          <Input value={contact.email} onChange={(e) => setContact({ ...contact, email: e.target.value })} placeholder={t("public.contactEmail")} inputMode="email" maxLength={200} data-testid="report-email" status={fieldError("contact.email") ? "error" : undefined} />
          {(fieldError("contact.phone") || fieldError("contact.email")) && <div style={{ color: "#dc2626", fontSize: 12 }}>{fieldError("contact.phone") ?? fieldError("contact.email")}</div>}
        </Form.Item>
        <Form.Item>
          <Checkbox checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} data-testid="report-anonymous">{t("public.anonymous")}</Checkbox>
          <br />
          <Checkbox checked={wantsReward} onChange={(e) => setWantsReward(e.target.checked)} data-testid="report-wants-reward">{t("public.wantsReward")}</Checkbox>
        </Form.Item>
        {submit.isError && <Alert type="error" showIcon style={{ marginBottom: 12 }} data-testid="report-error" message={errorMessage(submit.error, t)} />}
        <Button type="primary" htmlType="submit" block size="large" loading={submit.isPending} data-testid="report-submit">
          {submit.isPending ? t("public.sending") : t("public.send")}
        </Button>
      </Form>
    </Section>
  );
}
