/**
 * @module /supervision/import: the office uploads a plan (.docx or .txt, or pastes its text), reviews every parsed
 * task beside the source text — the clause each field came from highlighted — corrects units, milestones and
 * titles, decides about every name the directory does not know (an alias of an existing unit, a new unit, or not a
 * unit; never created silently), and imports. Nothing is stored before the import, and a refused import keeps
 * nothing (the server checks everything again).
 */
import { useMemo, useState } from "react";
import { Alert, App, Button, Card, Col, Descriptions, Input, InputNumber, List, Result, Row, Select, Space, Steps, Table, Tag, Typography, Upload } from "antd";
import { InboxOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router";
import { importPlan, previewPlan, type PlanPreview, type TaskCorrection, type UnitDecision } from "../../api/plans";
import { readFileBase64 } from "../../api/monitoring";
import { ApiError } from "../../api/client";
import { PageHeader } from "../../components/PageHeader";
import { unitKindKey } from "../../components/RoleTags";
import { Forbidden } from "../../components/Status";
import { useAbility } from "../../hooks/usePolicy";
import { useUnits } from "../../hooks/useUnits";
import { errorMessage } from "../../i18n/errors";
import { useT, type MessageKey } from "../../i18n";
import { ReviewTask, editOf, type TaskEdit } from "./ReviewTask";
import { SourceText, marksOf } from "./SourceText";

type Stage = "upload" | "review" | "done";
type Decision = { action?: "alias" | "create" | "ignore"; unitId?: string; kind?: string; unitName?: string };

const KINDS = ["department", "branch", "subdistrict", "office", "other"] as const;

/** The page. */
export default function ImportScene() {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const canManage = useAbility("plan.manage");
  const units = useUnits();
  const [stage, setStage] = useState<Stage>("upload");
  const [pasted, setPasted] = useState("");
  const [year, setYear] = useState<number | null>(null);
  const [preview, setPreview] = useState<PlanPreview | null>(null);
  const [edits, setEdits] = useState<Record<string, TaskEdit>>({});
  const [selected, setSelected] = useState<string | null>(null);
  const [focus, setFocus] = useState<string | null>(null);
  const [decisions, setDecisions] = useState<Record<string, Decision>>({});
  const [issues, setIssues] = useState<string[]>([]);
  const [result, setResult] = useState<Awaited<ReturnType<typeof importPlan>>["data"] | null>(null);

  const parse = useMutation({
    mutationFn: async (input: { file?: File; text?: string }) =>
      previewPlan(input.file ? { file: { fileName: input.file.name, contentBase64: await readFileBase64(input.file) }, year: year ?? undefined } : { text: input.text, year: year ?? undefined }),
    onSuccess: (r) => {
      setPreview(r.data);
      setEdits(Object.fromEntries(r.data.parsed.tasks.map((x) => [x.number, editOf(x)])));
      setSelected(r.data.parsed.tasks[0]?.number ?? null);
      setDecisions({});
      setIssues([]);
      setStage("review");
    },
    onError: (e) => message.error(errorMessage(e, t)),
  });

  const corrections = (): TaskCorrection[] =>
    (preview?.parsed.tasks ?? []).flatMap((task) => {
      const e = edits[task.number];
      const orig = editOf(task);
      if (!e || JSON.stringify(e) === JSON.stringify(orig)) return [];
      const c: TaskCorrection = { number: task.number };
      if (e.title !== orig.title) c.title = e.title;
      if (JSON.stringify(e.units) !== JSON.stringify(orig.units)) c.units = e.units;
      if (JSON.stringify(e.collectives) !== JSON.stringify(orig.collectives)) c.collectives = e.collectives;
      if (JSON.stringify(e.deadlines) !== JSON.stringify(orig.deadlines)) c.deadlines = e.deadlines;
      return [c];
    });

  const unknown = preview?.parsed.unknownUnits ?? [];
  const decided = (d: Decision | undefined) => Boolean(d?.action && (d.action !== "alias" || d.unitId) && (d.action !== "create" || d.kind));
  const undecided = unknown.filter((u) => !decided(decisions[u.name]));

  const run = useMutation({
    mutationFn: () =>
      importPlan({
        text: preview!.sourceText, year: year ?? undefined, confirm: true, corrections: corrections(),
        decisions: unknown.map((u): UnitDecision => {
          const d = decisions[u.name]!;
          return d.action === "alias" ? { name: u.name, action: "alias", unitId: d.unitId! }
            : d.action === "create" ? { name: u.name, action: "create", kind: d.kind!, unitName: d.unitName?.trim() || undefined }
            : { name: u.name, action: "ignore" };
        }),
      }),
    onSuccess: (r) => {
      setResult(r.data);
      setStage("done");
      void qc.invalidateQueries();
    },
    onError: (e) => {
      setIssues(e instanceof ApiError ? e.issues.map((i) => `${i.path}：${i.message}`) : []);
      message.error(errorMessage(e, t));
    },
  });

  const task = preview?.parsed.tasks.find((x) => x.number === selected) ?? null;
  const marks = useMemo(() => (task ? marksOf(task) : []), [task]);
  const unitNames = (units.data?.data ?? []).map((u) => u.name);
  if (!canManage) return <Forbidden />;

  return (
    <>
      <PageHeader title={t("supervision.import.title")} />
      <Steps
        size="small" style={{ marginBottom: 16, maxWidth: 720 }}
        current={stage === "upload" ? 0 : stage === "review" ? 1 : 2}
        items={[{ title: t("supervision.import.step.upload") }, { title: t("supervision.import.step.review") }, { title: t("supervision.import.step.done") }]}
      />
      {stage === "upload" && (
        <Row gutter={16}>
          <Col xs={24} lg={12}>
            <Card size="small" title={t("supervision.import.fromFile")}>
              <div data-testid="import-upload">
              <Upload.Dragger accept=".docx,.txt" multiple={false} showUploadList={false} beforeUpload={(f) => (parse.mutate({ file: f }), false)} disabled={parse.isPending}>
                <p className="ant-upload-drag-icon"><InboxOutlined /></p>
                <p>{t("supervision.import.drop")}</p>
                <p style={{ color: "#666" }}>{t("supervision.import.dropHint")}</p>
              </Upload.Dragger>
              </div>
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t("supervision.import.fromText")} extra={<Button type="primary" loading={parse.isPending} disabled={pasted.trim().length < 20} onClick={() => parse.mutate({ text: pasted })} data-testid="import-parse">{t("supervision.import.parse")}</Button>}>
              <Input.TextArea rows={9} value={pasted} onChange={(e) => setPasted(e.target.value)} placeholder={t("supervision.import.pastePlaceholder")} data-testid="import-text" />
              <Space style={{ marginTop: 8 }}>
                <span>{t("supervision.import.year")}</span>
                <InputNumber min={2000} max={2100} value={year} onChange={(v) => setYear(v)} placeholder={t("supervision.import.yearAuto")} />
              </Space>
            </Card>
          </Col>
        </Row>
      )}
      {stage === "review" && preview && (
        <>
          <Card size="small" style={{ marginBottom: 12 }} data-testid="import-summary">
            <Descriptions size="small" column={{ xs: 1, md: 4 }} title={preview.parsed.title ?? t("supervision.import.noTitle")}>
              <Descriptions.Item label={t("plan.docNumber")}>{preview.parsed.docNumber ?? "—"}</Descriptions.Item>
              <Descriptions.Item label={t("supervision.import.year")}>{preview.parsed.year ?? <Typography.Text type="danger">{t("supervision.import.noYear")}</Typography.Text>}</Descriptions.Item>
              <Descriptions.Item label={t("plan.taskCount")}><span data-testid="import-task-count">{preview.parsed.tasks.length}</span></Descriptions.Item>
              <Descriptions.Item label={t("supervision.import.annualDue")}>{preview.annualPlanDueOn ?? "—"}</Descriptions.Item>
              <Descriptions.Item label={t("supervision.import.indicators")} span={4}>
                {preview.indicators.length ? preview.indicators.map((i) => <Tag key={i.code}>{i.name}</Tag>) : "—"}
              </Descriptions.Item>
            </Descriptions>
            {preview.duplicate && <Alert type="error" showIcon message={t("supervision.import.duplicate", { title: preview.duplicate.title })} />}
            {preview.parsed.warnings.length > 0 && (
              <Alert type="warning" showIcon style={{ marginTop: 8 }} message={t("supervision.import.warnings")} description={<ul style={{ margin: 0 }}>{preview.parsed.warnings.map((w, i) => <li key={i}>{w.message}</li>)}</ul>} />
            )}
          </Card>
          {unknown.length > 0 && (
            <Card size="small" title={t("supervision.import.unknownTitle", { n: unknown.length })} style={{ marginBottom: 12, borderColor: undecided.length ? "#f59e0b" : undefined }} data-testid="import-unknown">
              <Typography.Paragraph type="secondary">{t("supervision.import.unknownHint")}</Typography.Paragraph>
              <Table
                rowKey="name" size="small" pagination={false} dataSource={unknown}
                columns={[
                  { title: t("supervision.import.name"), dataIndex: "name", render: (n: string) => <Tag color="red">{n}</Tag> },
                  { title: t("supervision.import.inTasks"), render: (_, u) => u.taskNumbers.join("、") },
                  {
                    title: t("supervision.import.suggestion"),
                    render: (_, u) => {
                      if (!u.suggestion) return <Typography.Text type="secondary">—</Typography.Text>;
                      const id = (units.data?.data ?? []).find((x) => x.name === u.suggestion!.unit)?.id;
                      return (
                        <Space size={4} wrap data-testid={`suggestion-${u.name}`}>
                          <Tag color="blue">{u.suggestion.unit}</Tag>
                          <Typography.Text type="secondary">{t(`supervision.import.reason.${u.suggestion.reason}` as MessageKey)}</Typography.Text>
                          {id && <Button size="small" type="link" onClick={() => setDecisions((all) => ({ ...all, [u.name]: { action: "alias", unitId: id } }))}>{t("supervision.import.useSuggestion")}</Button>}
                        </Space>
                      );
                    },
                  },
                  {
                    title: t("supervision.import.decision"),
                    render: (_, u) => {
                      const d = decisions[u.name] ?? {};
                      const set = (patch: Decision) => setDecisions((all) => ({ ...all, [u.name]: { ...d, ...patch } }));
                      return (
                        <Space wrap>
                          <Select style={{ width: 150 }} value={d.action} placeholder={t("supervision.import.choose")} onChange={(action) => set({ action })} data-testid={`decision-${u.name}`}
                            options={(["alias", "create", "ignore"] as const).map((a) => ({ value: a, label: t(`supervision.import.action.${a}` as MessageKey) }))} />
                          {d.action === "alias" && (
                            <Select style={{ width: 220 }} showSearch={{ optionFilterProp: "label" }} value={d.unitId} onChange={(unitId) => set({ unitId })} placeholder={t("supervision.import.pickUnit")}
                              options={(units.data?.data ?? []).map((x) => ({ value: x.id, label: x.name }))} data-testid={`decision-unit-${u.name}`} />
                          )}
                          {d.action === "create" && (
                            <>
                              <Input style={{ width: 200 }} value={d.unitName ?? u.name} onChange={(e) => set({ unitName: e.target.value })} />
                              <Select style={{ width: 140 }} value={d.kind} onChange={(kind) => set({ kind })} placeholder={t("supervision.import.kind")}
                                options={KINDS.map((k) => ({ value: k, label: t(unitKindKey(k)) }))} />
                            </>
                          )}
                        </Space>
                      );
                    },
                  },
                ]}
              />
            </Card>
          )}
          <Row gutter={16}>
            <Col xs={24} xl={12}>
              <Typography.Title level={5}>{t("supervision.import.source")}</Typography.Title>
              <SourceText text={preview.normalizedText} marks={marks} focus={focus} />
            </Col>
            <Col xs={24} xl={12}>
              <Typography.Title level={5}>{t("supervision.import.tasks")}</Typography.Title>
              <div style={{ height: "70vh", overflowY: "auto", paddingRight: 4 }} data-testid="import-tasks">
                <List
                  dataSource={preview.parsed.tasks}
                  renderItem={(x) => (
                    <List.Item
                      onClick={() => setSelected(x.number)}
                      style={{ cursor: "pointer", background: x.number === selected ? "#ecfeff" : undefined, padding: 8, display: "block", borderRadius: 6 }}
                      data-testid={`import-task-${x.number}`}
                    >
                      {x.number === selected ? (
                        <ReviewTask task={x} edit={edits[x.number]} onChange={(e) => setEdits((all) => ({ ...all, [x.number]: e }))} unitNames={unitNames} onFocus={setFocus} />
                      ) : (
                        <Space wrap>
                          <Typography.Text strong>{x.number}. {edits[x.number]?.title}</Typography.Text>
                          {x.clauses.some((c) => c.unknown.length) && <Tag color="red">{t("supervision.import.hasUnknown")}</Tag>}
                          {x.deadlines.length > 0 && <Tag>{edits[x.number]?.deadlines.map((d) => d.date).join("、")}</Tag>}
                        </Space>
                      )}
                    </List.Item>
                  )}
                />
              </div>
            </Col>
          </Row>
          {issues.length > 0 && <Alert type="error" showIcon style={{ marginTop: 12 }} message={t("supervision.import.refused")} description={<ul style={{ margin: 0 }}>{issues.map((i) => <li key={i}>{i}</li>)}</ul>} />}
          <Space style={{ marginTop: 16 }}>
            <Button onClick={() => setStage("upload")}>{t("supervision.import.again")}</Button>
            <Button type="primary" loading={run.isPending} disabled={undecided.length > 0 || Boolean(preview.duplicate) || !preview.parsed.tasks.length} onClick={() => run.mutate()} data-testid="import-submit">
              {undecided.length ? t("supervision.import.decideFirst", { n: undecided.length }) : t("supervision.import.submit", { n: preview.parsed.tasks.length })}
            </Button>
            <Typography.Text type="secondary">{t("supervision.import.corrected", { n: corrections().length })}</Typography.Text>
          </Space>
        </>
      )}
      {stage === "done" && result && (
        <Result
          status="success" data-testid="import-result"
          title={t("supervision.import.doneTitle", { tasks: result.tasks })}
          subTitle={t("supervision.import.doneSub", { units: result.taskUnits, deadlines: result.deadlines, indicators: result.indicators })}
          extra={[
            <Link key="plan" to="/plan"><Button type="primary">{t("supervision.import.toLedger")}</Button></Link>,
            <Link key="rounds" to="/supervision/rounds"><Button>{t("supervision.import.toRounds")}</Button></Link>,
          ]}
        />
      )}
    </>
  );
}
