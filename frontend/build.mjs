// Copies the front-end packages the templates use into wir/static/vendor/ and builds the
// service worker of the offline app (Workbox, bundled by esbuild, precache list injected
// by workbox-build). No bundler for the pages: they load a few small files, each cacheable.
import { cpSync, mkdirSync, rmSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, "node_modules");
const statics = join(here, "..", "wir", "static");
const target = join(statics, "vendor");

const copies = [
  ["@kern-ux/native/dist/kern.min.css", "kern/kern.min.css"],
  ["@kern-ux/native/dist/fonts/fira-sans.css", "kern/fonts/fira-sans.css"],
  ["@kern-ux/native/dist/fonts/fira-sans", "kern/fonts/fira-sans"],
  ["@kern-ux/native/dist/js/kern-kopfzeile.js", "kern/kern-kopfzeile.js"],
  ["@kern-ux/native/LICENSE.md", "kern/LICENSE.md"],
  ["htmx.org/dist/htmx.min.js", "htmx/htmx.min.js"],
  ["htmx.org/LICENSE", "htmx/LICENSE"],
  ["leaflet/dist/leaflet.js", "leaflet/leaflet.js"],
  ["leaflet/dist/leaflet.js.map", "leaflet/leaflet.js.map"],
  ["leaflet/dist/leaflet.css", "leaflet/leaflet.css"],
  ["leaflet/dist/images", "leaflet/images"],
  ["leaflet/LICENSE", "leaflet/LICENSE"],
  ["minisearch/dist/umd/index.js", "minisearch/minisearch.js"],
  // minisearch.js names its source map; collectstatic (manifest storage) needs it present.
  ["minisearch/dist/umd/index.js.map", "minisearch/index.js.map"],
  ["minisearch/LICENSE.txt", "minisearch/LICENSE.txt"],
];

rmSync(target, { recursive: true, force: true });
for (const [from, to] of copies) {
  const source = join(modules, from);
  if (!existsSync(source)) {
    console.error(`missing ${from}: run npm ci in frontend/ first`);
    process.exit(1);
  }
  mkdirSync(dirname(join(target, to)), { recursive: true });
  cpSync(source, join(target, to), { recursive: true });
}
console.log(`copied ${copies.length} front-end assets to wir/static/vendor/`);

// The service worker: our source with Workbox's modules, one file, then the precache list
// (the offline app's own scripts and the search library) injected with content revisions.
const { build } = await import("esbuild");
const { injectManifest } = await import("workbox-build");
const bundled = join(here, "node_modules", ".cache", "sw.bundled.js");
await build({
  entryPoints: [join(here, "src", "sw.js")],
  bundle: true,
  format: "iife",
  minify: true,
  target: "es2019",
  define: { "process.env.NODE_ENV": '"production"' },
  outfile: bundled,
  logLevel: "warning",
});
const { count, size, warnings } = await injectManifest({
  swSrc: bundled,
  swDest: join(target, "offline", "sw.js"),
  globDirectory: statics,
  globPatterns: ["wir/offline/*.{js,css}", "vendor/minisearch/minisearch.js"],
  modifyURLPrefix: { "": "/static/" },
});
for (const warning of warnings) console.warn(warning);
console.log(`service worker: ${count} files (${size} bytes) precached`);
