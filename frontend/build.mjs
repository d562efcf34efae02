// Copies the front-end packages the templates use into wir/static/vendor/.
// No bundler: the public site loads a few small files, each cacheable on its own.
import { cpSync, mkdirSync, rmSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, "node_modules");
const target = join(here, "..", "wir", "static", "vendor");

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
