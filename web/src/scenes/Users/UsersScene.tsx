/**
 * @module /admin/users: the account table with filters (search, unit, role) kept in the URL, and create / edit /
 * reset-password / disable actions shown per the user's abilities and each row's policy.
 */
import { useState } from "react";
import { Button, Card, Flex, Input, Select, Table, Tag, Typography } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import dayjs from "dayjs";
import { listUsers, type UserFilter } from "../../api/users";
import type { Role, User } from "../../api/types";
import { ROLES } from "../../api/types";
import { useAbility } from "../../hooks/usePolicy";
import { roleOptions, useUnitOptions } from "../../hooks/useUnits";
import { PageHeader } from "../../components/PageHeader";
import { RoleTags, UnitTags } from "../../components/RoleTags";
import { LoadError } from "../../components/Status";
import { useT } from "../../i18n";
import { UserFormModal } from "./UserFormModal";
import { ResetPasswordModal } from "./ResetPasswordModal";
import { UserRowActions } from "./UserRowActions";

/** What the edit modal is showing. */
type Editing = { user: User; canDisable: boolean } | "new" | null;

function readFilter(params: URLSearchParams): UserFilter {
  const role = params.get("role");
  return {
    q: params.get("q") ?? undefined,
    unitId: params.get("unitId") ?? undefined,
    role: role && (ROLES as readonly string[]).includes(role) ? (role as Role) : undefined,
  };
}

/** The /admin/users page. */
export default function UsersScene() {
  const t = useT();
  const canCreate = useAbility("user.create");
  const [params, setParams] = useSearchParams();
  const filter = readFilter(params);
  const units = useUnitOptions();
  const [editing, setEditing] = useState<Editing>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const users = useQuery({ queryKey: ["users", filter], queryFn: () => listUsers(filter), placeholderData: keepPreviousData });

  const setFilter = (key: keyof UserFilter, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  // The actions column appears only when some row allows something (an auditor sees none).
  const anyAction = Object.values(users.data?.policies ?? {}).some((p) => p.update || p.resetPassword || p.disable);

  if (users.isError && !users.data) return <LoadError error={users.error} onRetry={() => void users.refetch()} />;

  return (
    <>
      <PageHeader
        title={t("users.title")}
        extra={
          canCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")} data-testid="user-create">
              {t("users.create")}
            </Button>
          )
        }
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            placeholder={t("users.search")}
            allowClear
            defaultValue={filter.q}
            onSearch={(v) => setFilter("q", v.trim() || undefined)}
            style={{ width: 240 }}
            data-testid="users-filter-q"
          />
          <Select
            placeholder={t("users.filterUnit")}
            allowClear
            showSearch={{ optionFilterProp: "label" }}
            options={units.options}
            loading={units.loading}
            value={filter.unitId}
            onChange={(v?: string) => setFilter("unitId", v)}
            style={{ width: 240 }}
            data-testid="users-filter-unit"
          />
          <Select
            placeholder={t("users.filterRole")}
            allowClear
            options={roleOptions(t)}
            value={filter.role}
            onChange={(v?: string) => setFilter("role", v)}
            style={{ width: 200 }}
            data-testid="users-filter-role"
          />
        </Flex>
        <div data-testid="users-table">
          <Table<User>
            rowKey="id"
            size="middle"
            loading={users.isFetching}
            dataSource={users.data?.data ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
            scroll={{ x: 960 }}
            columns={[
              { title: t("users.col.username"), dataIndex: "username", render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
              { title: t("users.col.displayName"), dataIndex: "displayName" },
              { title: t("users.col.roles"), dataIndex: "roles", render: (v: Role[]) => <RoleTags roles={v} /> },
              { title: t("users.col.units"), dataIndex: "units", render: (_, u) => <UnitTags units={u.units} /> },
              {
                title: t("users.col.status"),
                key: "status",
                render: (_, u) => (
                  <>
                    {u.disabled ? <Tag color="red">{t("users.status.disabled")}</Tag> : <Tag color="green">{t("users.status.active")}</Tag>}
                    {u.lockedUntil && <Tag color="orange">{t("users.status.locked")}</Tag>}
                    {u.mustChangePassword && !u.disabled && <Tag>{t("users.status.mustChange")}</Tag>}
                  </>
                ),
              },
              {
                title: t("users.col.createdAt"),
                dataIndex: "createdAt",
                render: (v?: string) => (v ? dayjs(v).format("YYYY-MM-DD") : ""),
              },
              ...(anyAction
                ? [{
                    title: t("common.actions"),
                    key: "actions",
                    fixed: "right" as const,
                    render: (_: unknown, u: User) => (
                      <UserRowActions
                        user={u}
                        policies={users.data?.policies}
                        onEdit={(canDisable) => setEditing({ user: u, canDisable })}
                        onResetPassword={() => setResetting(u)}
                      />
                    ),
                  }]
                : []),
            ]}
          />
        </div>
      </Card>
      <UserFormModal
        open={editing !== null}
        user={editing && editing !== "new" ? editing.user : undefined}
        canDisable={editing && editing !== "new" ? editing.canDisable : false}
        onClose={() => setEditing(null)}
      />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}
