/**
 * @module Vite build of the web client: root `web/`, output `web/dist/` (served by the Fastify web service with SPA
 * fallback), `/api` proxied to the local server in dev. React and antd go to their own long-cached vendor chunks;
 * every scene is a lazy chunk; ECharts (when used) stays in the chunk of the scene that imports it.
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

const root = fileURLToPath(new URL(".", import.meta.url));

const ANTD_CORE =
  /[\\/]node_modules[\\/](antd|@ant-design|@rc-component|@babel[\\/]runtime|@emotion|dayjs|clsx|stylis|throttle-debounce|scroll-into-view-if-needed|compute-scroll-into-view)[\\/]/;
/** Heavy antd parts used only by admin scenes (tables, date pickers): left to the lazy chunks that need them. */
const ANTD_HEAVY = /[\\/]node_modules[\\/](antd[\\/]es[\\/](table|date-picker|calendar|time-picker)|@rc-component[\\/](table|picker))[\\/]/;

/** Vendor groups (higher priority wins): React and its router/query libraries, then antd's core. */
const VENDOR_GROUPS = [
  { name: "vendor-react", priority: 2, test: /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack)[\\/]/ },
  { name: "vendor-antd", priority: 1, test: (id: string) => ANTD_CORE.test(id) && !ANTD_HEAVY.test(id) },
  // The app's own shared layer (api client, hooks, components, i18n) is small: one chunk, not a dozen tiny ones.
  { name: "app", priority: 0, test: /[\\/]web[\\/]src[\\/](api|components|hooks|i18n)[\\/]/ },
];

export default defineConfig({
  root,
  base: "/",
  plugins: [react()],
  server: {
    host: "127.0.0.1",
    proxy: { "/api": { target: "http://127.0.0.1:8080", changeOrigin: false } },
  },
  build: {
    outDir: fileURLToPath(new URL("./dist", import.meta.url)),
    emptyOutDir: true,
    target: "es2022",
    // vendor-antd is one long-cached chunk of ~850 KB minified (~270 KB gzip); warn only beyond that.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // Rolldown's successor of Rollup's `manualChunks` (which it still accepts but marks deprecated).
        codeSplitting: {
          groups: VENDOR_GROUPS,
        },
      },
    },
  },
});
