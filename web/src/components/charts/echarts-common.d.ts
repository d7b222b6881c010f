/**
 * @module Types of ECharts' prebuilt "common" entry (`echarts/index.common`), which the package ships without a
 * declaration: the core API with the common charts and components already registered.
 */
declare module "echarts/index.common" {
  export * from "echarts/core";
}
