/**
 * @module A scene's title row with optional actions on the right.
 */
import type { ReactNode } from "react";
import { Flex, Typography } from "antd";

/** Title plus right-aligned actions. */
export function PageHeader({ title, extra }: { title: ReactNode; extra?: ReactNode }) {
  return (
    <Flex justify="space-between" align="center" style={{ marginBottom: 16 }} gap={16} wrap>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      {extra}
    </Flex>
  );
}
