/**
 * Vite configuration of the Skywatch air-picture app. Built from the repository root with
 * `vite build web --emptyOutDir` into `dist/web`, which the server serves at `/`.
 * Everything (map data included) is bundled: the app fetches nothing from the internet.
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));
const backend = "http://127.0.0.1:8080";

export default defineConfig({
  root,
  base: "./",
  build: {
    outDir: "../dist/web",
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 4000,
  },
  server: {
    proxy: {
      "/api": backend,
      "/healthz": backend,
      "/ws": { target: backend, ws: true },
    },
  },
});
