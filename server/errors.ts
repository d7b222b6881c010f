/**
 * @module The one home of API errors. Each error has a stable `id` (clients and the UI key on it), an HTTP status
 * and a Chinese message. The error handler (onerror.ts) renders every error as
 * `{ ok: false, error, status, message, data?, correlationId }`.
 */

/** A known error with a stable id. */
export class AppError extends Error {
  constructor(
    /** Stable identifier, e.g. `auth.locked`. */
    readonly id: string,
    /** HTTP status. */
    readonly status: number,
    message: string,
    /** Extra machine-readable detail (field issues, retry-after…). */
    readonly data?: unknown,
  ) {
    super(message);
  }
}

/** One invalid field: a dotted path into the input and what is wrong with it. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** Input failed validation (400). */
export const ValidationError = (issues: FieldIssue[], message = "输入不符合要求") =>
  new AppError("validation", 400, message, { issues });
/** No valid session (401). */
export const AuthenticationRequired = () => new AppError("auth.required", 401, "请先登录");
/** Wrong username or password (401); deliberately the same for unknown users. */
export const InvalidCredentials = () => new AppError("auth.invalid_credentials", 401, "用户名或密码错误");
/** The account is locked after repeated failures (429). */
export const AccountLocked = (retryAfterSeconds: number) =>
  new AppError("auth.locked", 429, `登录失败次数过多，账户已锁定，请 ${Math.ceil(retryAfterSeconds / 60)} 分钟后再试`, {
    retryAfterSeconds,
  });
/** Missing or wrong CSRF token on a state-changing request (403). */
export const CsrfFailed = () => new AppError("auth.csrf", 403, "请求校验失败，请刷新页面后重试");
/** The current password given for a change is wrong (400). */
export const PasswordIncorrect = () => new AppError("auth.password_incorrect", 400, "当前密码不正确");
/** The user may not do this (403). Also used for resources the user may not see, so their existence is not leaked. */
export const Forbidden = (message = "没有权限执行此操作") => new AppError("forbidden", 403, message);
/** No such resource (404). */
export const NotFound = (message = "未找到") => new AppError("not_found", 404, message);
/** The change conflicts with stored data, e.g. a taken username (409). */
export const Conflict = (message: string, data?: unknown) => new AppError("conflict", 409, message, data);
/** Too many requests from this client (429). */
export const RateLimited = (retryAfterSeconds: number) =>
  new AppError("rate_limited", 429, "请求过于频繁，请稍后再试", { retryAfterSeconds });
/** Request body over the limit (413). */
export const PayloadTooLarge = (limitBytes: number) =>
  new AppError("payload_too_large", 413, `请求内容过大（上限 ${Math.round(limitBytes / 1024)} KB）`, { limitBytes });
/** Body in a content type the route does not accept (415). */
export const UnsupportedMediaType = (contentType: string | undefined) =>
  new AppError("unsupported_media_type", 415, `不支持的内容类型：${contentType ?? "无"}`);
/** Body is not valid JSON (400). */
export const BadJson = () => new AppError("bad_json", 400, "请求内容不是有效的 JSON");
/** The service cannot serve now, e.g. the database is unreachable (503). */
export const Unavailable = (message = "服务暂时不可用") => new AppError("unavailable", 503, message);
/** The device has no live connection to the gateway (409). */
export const DeviceOffline = (mn: string) => new AppError("device.offline", 409, `设备 ${mn} 当前未连接`);
/** Anything unexpected (500). The real error is logged with the correlation id, never sent. */
export const Internal = () => new AppError("internal", 500, "服务器内部错误，请联系管理员并提供请求编号");
/** The anonymous-post challenge is missing, wrong, expired or used (400). */
export const ChallengeFailed = (reason: string) => new AppError("complaint.challenge", 400, "安全校验未通过，请刷新页面后重新提交", { reason });
/** A complaint may not change this way from its state (409). */
export const ComplaintStateConflict = (state: string, transition: string) =>
  new AppError("complaint.state", 409, "该投诉当前状态下不能执行此操作，请刷新后重试", { state, transition });
/** The reporter may not reopen this complaint (409). */
export const ReopenRefused = (reason: string) => new AppError("complaint.reopen_refused", 409, "该投诉不能再次提出异议", { reason });
/** No complaint has this receipt code (404); deliberately the same for every unknown code. */
export const ReceiptUnknown = () => new AppError("complaint.receipt_unknown", 404, "回执码不正确，请核对后再试");
/** A reward step refused by the workflow (409). */
export const RewardRefused = (reason: string) => new AppError("reward.refused", 409, "奖励流程不允许此操作", { reason });
/** Outgoing mail is not configured (SMTP_URL unset), so nothing can be mailed (409). */
export const MailNotConfigured = () => new AppError("mail.not_configured", 409, "未配置邮件服务（SMTP_URL），无法发送邮件");
/** A report of a month that has not begun (400). */
export const ReportPeriodInFuture = (period: string) =>
  new AppError("report.future_period", 400, `${period} 尚未开始，不能生成报告`, { issues: [{ path: "period", message: "月份尚未开始" }] });
/** The round (调度) is closed: nothing more can be submitted to it, and it cannot be closed again (409). */
export const RoundClosed = (title: string) => new AppError("round.closed", 409, `“${title}”已结束，不能再报送`, { title });
/** An office escalation without a written reason (400). */
export const EscalationReasonRequired = () =>
  new AppError("ladder.reason_required", 400, "请写明督办理由", { issues: [{ path: "reason", message: "请写明督办理由（至少 10 个字）" }] });
