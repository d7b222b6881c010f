/**
 * @module The page of an area not built yet: says 建设中 and which part of the campaign the area will hold.
 */
import { Card, Result } from "antd";
import { ToolOutlined } from "@ant-design/icons";
import { useT, type MessageKey } from "../../i18n";

/** Areas of the campaign still to come. */
export type Area = "plan" | "supervision" | "registries" | "monitoring" | "alarms" | "complaints" | "public" | "reports";

/** "Under construction" with the area's purpose. */
export default function AreaScene({ area }: { area: Area }) {
  const t = useT();
  return (
    <Card>
      <Result
        icon={<ToolOutlined />}
        title={`${t(`menu.${area}` as MessageKey)} · ${t("area.building")}`}
        subTitle={t(`area.${area}` as MessageKey)}
        data-testid={`area-${area}`}
      />
    </Card>
  );
}
