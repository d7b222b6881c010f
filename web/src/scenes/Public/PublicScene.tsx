/**
 * @module The public disclosure site (信息公开), open without signing in. Under construction.
 */
import { Layout, Typography } from "antd";
import { LangSwitch } from "../../components/HeaderBar";
import { useT } from "../../i18n";
import AreaScene from "../Area/AreaScene";

/** Public landing page. */
export default function PublicScene() {
  const t = useT();
  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Header style={{ display: "flex", alignItems: "center", justifyContent: "space-between", background: "#0e7490" }}>
        <Typography.Text strong style={{ color: "#fff", fontSize: 16 }}>
          {t("app.title")} · {t("menu.public")}
        </Typography.Text>
        <span style={{ filter: "invert(1)" }}>
          <LangSwitch />
        </span>
      </Layout.Header>
      <Layout.Content style={{ padding: 24, maxWidth: 960, width: "100%", margin: "0 auto" }}>
        <AreaScene area="public" />
      </Layout.Content>
    </Layout>
  );
}
