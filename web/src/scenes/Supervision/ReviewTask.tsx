/**
 * @module One parsed task under review: its title, the units of each role (directory units and collective
 * designations such as 各办事处, names still unknown shown apart), its milestones, and the clause each came from —
 * pointing at a field highlights its clause in the source text.
 */
import { Button, DatePicker, Input, Select, Space, Tag, Typography } from "antd";
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import dayjs from "dayjs";
import type { ParsedTask, RoleNames, TaskRole } from "../../api/plans";
import { useT } from "../../i18n";
import { MARK_COLOURS } from "./SourceText";
import { ROLE_KEYS, ROLE_ORDER } from "./shared";

/** The reviewer's version of a task. */
export interface TaskEdit {
  title: string;
  units: RoleNames;
  collectives: RoleNames;
  deadlines: { date: string; text: string }[];
}

/** The parser's version as the starting edit. */
export function editOf(task: ParsedTask): TaskEdit {
  const copy = (r: RoleNames) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, [...v]])) as RoleNames;
  return { title: task.title, units: copy(task.units), collectives: copy(task.collectives), deadlines: task.deadlines.map((d) => ({ date: d.date, text: d.text })) };
}

/** The form of one task. */
export function ReviewTask({ task, edit, onChange, unitNames, onFocus }: {
  task: ParsedTask;
  edit: TaskEdit;
  onChange: (e: TaskEdit) => void;
  unitNames: string[];
  onFocus: (key: string | null) => void;
}) {
  const t = useT();
  const clauseOf = (role: TaskRole) => task.clauses.map((c, i) => ({ c, i })).filter((x) => x.c.role === role);
  const roles = ROLE_ORDER.filter((r) => edit.units[r].length || edit.collectives[r].length || clauseOf(r).length);
  const [addRole] = [ROLE_ORDER.filter((r) => !roles.includes(r))];
  const setRole = (role: TaskRole, field: "units" | "collectives", v: string[]) => onChange({ ...edit, [field]: { ...edit[field], [role]: v } });
  return (
    <Space direction="vertical" style={{ width: "100%" }} size={8} data-testid={`review-task-${task.number}`}>
      <Input value={edit.title} onChange={(e) => onChange({ ...edit, title: e.target.value })} onFocus={() => onFocus("task")} addonBefore={task.number} data-testid={`review-title-${task.number}`} />
      {roles.map((role) => (
        <div key={role} onMouseEnter={() => onFocus(clauseOf(role)[0] ? `clause:${clauseOf(role)[0].i}` : null)}>
          <Space size={4} style={{ marginBottom: 4 }} wrap>
            <Tag style={{ background: MARK_COLOURS[role], border: "none", color: "#111" }}>{t(ROLE_KEYS[role])}</Tag>
            {clauseOf(role).map(({ c, i }) => (
              <Typography.Text key={i} type="secondary" style={{ fontSize: 12, cursor: "pointer" }} onClick={() => onFocus(`clause:${i}`)}>
                「{c.text}」{c.inherited ? t("supervision.import.inherited") : ""}
              </Typography.Text>
            ))}
            {clauseOf(role).flatMap(({ c }) => c.unknown).map((n) => <Tag key={n} color="red">{t("supervision.import.unknownTag", { name: n })}</Tag>)}
          </Space>
          <Space.Compact style={{ width: "100%" }}>
            <Select
              mode="multiple" style={{ width: "60%" }} value={edit.units[role]} onChange={(v) => setRole(role, "units", v)} placeholder={t("supervision.import.units")}
              options={unitNames.map((n) => ({ value: n, label: n }))} showSearch={{ optionFilterProp: "label" }} data-testid={`review-units-${task.number}-${role}`}
            />
            <Select mode="tags" style={{ width: "40%" }} value={edit.collectives[role]} onChange={(v) => setRole(role, "collectives", v)} placeholder={t("supervision.import.collectives")} open={false} />
          </Space.Compact>
        </div>
      ))}
      {addRole.length > 0 && (
        <Select
          size="small" style={{ width: 200 }} placeholder={t("supervision.import.addRole")} value={null}
          options={addRole.map((r) => ({ value: r, label: t(ROLE_KEYS[r]) }))}
          onChange={(r: TaskRole) => setRole(r, "units", [...edit.units[r]])}
        />
      )}
      <div>
        <Typography.Text type="secondary">{t("supervision.import.deadlines")}</Typography.Text>
        {edit.deadlines.map((d, i) => (
          <Space key={i} style={{ display: "flex", marginTop: 4 }} onMouseEnter={() => onFocus(i < task.deadlines.length ? `deadline:${i}` : null)}>
            <DatePicker value={d.date ? dayjs(d.date) : null} allowClear={false}
              onChange={(v) => onChange({ ...edit, deadlines: edit.deadlines.map((x, j) => (j === i ? { ...x, date: v ? v.format("YYYY-MM-DD") : x.date } : x)) })} data-testid={`review-deadline-${task.number}-${i}`} />
            <Input value={d.text} style={{ width: 260 }} onChange={(e) => onChange({ ...edit, deadlines: edit.deadlines.map((x, j) => (j === i ? { ...x, text: e.target.value } : x)) })} />
            <Button icon={<DeleteOutlined />} onClick={() => onChange({ ...edit, deadlines: edit.deadlines.filter((_, j) => j !== i) })} aria-label={t("supervision.import.removeDeadline")} />
          </Space>
        ))}
        <Button size="small" type="dashed" icon={<PlusOutlined />} style={{ marginTop: 4, marginLeft: 8 }} onClick={() => onChange({ ...edit, deadlines: [...edit.deadlines, { date: dayjs().format("YYYY-MM-DD"), text: "" }] })}>
          {t("supervision.import.addDeadline")}
        </Button>
      </div>
    </Space>
  );
}
