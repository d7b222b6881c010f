/**
 * @module The left menu's areas: path, label key, icon, and the ability that shows each one. The admin group
 * appears when any of its pages does.
 */
import type { ReactNode } from "react";
import {
  AlertOutlined,
  AuditOutlined,
  BankOutlined,
  DashboardOutlined,
  ExperimentOutlined,
  FileTextOutlined,
  FlagOutlined,
  GlobalOutlined,
  MessageOutlined,
  NotificationOutlined,
  ProfileOutlined,
  SettingOutlined,
  TeamOutlined,
} from "@ant-design/icons";
import type { Abilities, AbilityName } from "../api/types";
import type { MessageKey } from "../i18n";

/** One entry of the left menu. */
export interface NavItem {
  /** Route path, also the menu key. */
  path: string;
  label: MessageKey;
  icon: ReactNode;
  /** Shown only with this ability; absent means everyone signed in. */
  ability?: AbilityName;
  /** Opens outside the signed-in shell (new tab), e.g. the public site. */
  external?: boolean;
  /** Optional data-testid suffix (defaults to the path). */
  testId: string;
}

/** The campaign areas, in menu order. */
export const AREAS: NavItem[] = [
  { path: "/", label: "menu.dashboard", icon: <DashboardOutlined />, testId: "dashboard" },
  { path: "/plan", label: "menu.plan", icon: <FlagOutlined />, ability: "plan.read", testId: "plan" },
  { path: "/supervision", label: "menu.supervision", icon: <NotificationOutlined />, ability: "plan.read", testId: "supervision" },
  { path: "/registries", label: "menu.registries", icon: <ProfileOutlined />, ability: "registry.read", testId: "registries" },
  { path: "/monitoring", label: "menu.monitoring", icon: <ExperimentOutlined />, ability: "monitoring.read", testId: "monitoring" },
  { path: "/alarms", label: "menu.alarms", icon: <AlertOutlined />, ability: "alarm.read", testId: "alarms" },
  { path: "/complaints", label: "menu.complaints", icon: <MessageOutlined />, ability: "complaint.read", testId: "complaints" },
  { path: "/reports", label: "menu.reports", icon: <FileTextOutlined />, ability: "report.read", testId: "reports" },
  { path: "/public", label: "menu.public", icon: <GlobalOutlined />, external: true, testId: "public" },
];

/** Pages of the 系统管理 group. Units are readable by all, but listed here only for who sees the group. */
export const ADMIN_PAGES: NavItem[] = [
  { path: "/admin/users", label: "menu.users", icon: <TeamOutlined />, ability: "user.read", testId: "admin-users" },
  { path: "/admin/units", label: "menu.units", icon: <BankOutlined />, ability: "unit.read", testId: "admin-units" },
  { path: "/admin/audit", label: "menu.audit", icon: <AuditOutlined />, ability: "audit.read", testId: "admin-audit" },
];

/** Icon of the admin group. */
export const ADMIN_ICON = <SettingOutlined />;

/** Whether `item` is visible with `abilities`. */
export function visible(item: NavItem, abilities: Abilities): boolean {
  return !item.ability || abilities[item.ability] === true;
}

/** Whether the admin group is shown: only for those who administer or review something, not for every reader of units. */
export function showAdmin(abilities: Abilities): boolean {
  return Boolean(abilities["user.read"] || abilities["unit.manage"] || abilities["audit.read"]);
}
