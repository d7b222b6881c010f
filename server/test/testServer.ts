/**
 * @module The real app over a real test database, driven through Fastify's inject (no socket needed), with a
 * small client that signs in and carries the session cookie and CSRF token like the web client does.
 */
import type { Engine } from "../db/database";
import { buildApp, type App } from "../app";
import { DEFAULT_LOGIN_POLICY, type LoginPolicy } from "../commands/sessionStarter";
import { createTestDatabase } from "./testDatabase";
import { TEST_PASSWORD } from "./factories";

/** A test app and its database. */
export interface TestServer {
  app: App;
  db: Awaited<ReturnType<typeof createTestDatabase>>["db"];
  engine: Engine;
  close(): Promise<void>;
}

/** Starts the app on a fresh database of `engine`. */
export async function createTestServer(engine: Engine, opts: { loginPolicy?: LoginPolicy } = {}): Promise<TestServer> {
  const database = await createTestDatabase(engine);
  const app = await buildApp({
    db: database.db,
    config: { cookieSecure: false, testRoutes: false, logLevel: "silent" },
    loginPolicy: opts.loginPolicy ?? DEFAULT_LOGIN_POLICY,
    logger: false,
  });
  await app.ready();
  return {
    app,
    db: database.db,
    engine,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** A parsed response. */
export interface TestResponse<T = any> {
  status: number;
  body: T;
  headers: Record<string, unknown>;
}

/** A signed-in (or anonymous) client. */
export class TestClient {
  cookie: string | null = null;
  csrf: string | null = null;
  constructor(private app: App) {}

  /** Signs in; throws when it fails. */
  static async signIn(app: App, username: string, password = TEST_PASSWORD): Promise<TestClient> {
    const c = new TestClient(app);
    const r = await c.request("POST", "/api/auth/login", { username, password });
    if (r.status !== 200) throw new Error(`sign-in of ${username} failed: ${r.status} ${JSON.stringify(r.body)}`);
    return c;
  }

  /** Sends a request with the session cookie and CSRF token. */
  async request<T = any>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<TestResponse<T>> {
    const res = await this.app.inject({
      method: method as "GET",
      url,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf && method !== "GET" ? { "x-csrf-token": this.csrf } : {}),
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
        ...headers,
      },
      payload: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const setCookie = res.headers["set-cookie"];
    const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
    if (first?.startsWith("qingliu_sid=")) this.cookie = first.split(";")[0];
    let parsed: any = res.body;
    try {
      parsed = JSON.parse(res.body);
    } catch {
      /* not JSON (metrics, html) */
    }
    if (parsed?.data?.csrfToken) this.csrf = parsed.data.csrfToken;
    return { status: res.statusCode, body: parsed, headers: res.headers as Record<string, unknown> };
  }
  get<T = any>(url: string) {
    return this.request<T>("GET", url);
  }
  post<T = any>(url: string, body: unknown = {}) {
    return this.request<T>("POST", url, body);
  }
  patch<T = any>(url: string, body: unknown) {
    return this.request<T>("PATCH", url, body);
  }
}
