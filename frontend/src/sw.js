// Service worker of the WIR offline app.
//
// Pages come from the network first. When the network is gone (or too slow for a page),
// the answer comes from the bundles the visitor saved ("Für offline speichern"): one
// Cache Storage cache per region and language, named "wir-offline:<region>:<language>",
// keyed by the public URL. The page scripts fill those caches (wir/static/wir/offline/);
// this worker only reads them. Workbox precaches the offline app's own scripts.
import { clientsClaim } from "workbox-core";
import { cleanupOutdatedCaches, precacheAndRoute } from "workbox-precaching";
import { registerRoute } from "workbox-routing";

self.skipWaiting();
clientsClaim();
cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST);

const BUNDLE_PREFIX = "wir-offline:";
const PAGE_TIMEOUT_MS = 6000;
// Never answered from a bundle: the bundle machinery itself, staff areas, the API.
const PASS_THROUGH = [
  /^\/offline\/sw\.js$/,
  /^\/offline\/blob\//,
  /^\/offline\/[^/]+\/[^/]+\/manifest\.json$/,
  /^\/admin\//,
  /^\/konto\//,
  /^\/api\//,
];

async function bundleCaches(url) {
  const names = (await caches.keys()).filter((name) => name.startsWith(BUNDLE_PREFIX));
  // The region and language of the address first, then the others (shared static files).
  const [region, language] = url.pathname.split("/").filter(Boolean);
  const own = `${BUNDLE_PREFIX}${region}:${language}`;
  return names.sort((a, b) => (a === own ? -1 : b === own ? 1 : 0));
}

async function fromBundles(url) {
  const names = await bundleCaches(url);
  const caches_ = await Promise.all(names.map((name) => caches.open(name)));
  for (const candidate of [url.pathname + url.search, url.pathname]) {
    for (const cache of caches_) {
      const hit = await cache.match(candidate, { ignoreVary: true });
      if (hit) return hit;
    }
  }
  return undefined;
}

// Offline, for a page or a language that was not saved: the bundle's own page for that
// (/offline/<region>/<language>/nicht-gespeichert/, styled, in a saved language, with links
// to the saved languages). The saved language of the address asked for comes first, then
// those of the browser's languages, then any saved one of the region, then any at all.
async function notSavedPage(url) {
  const [region, language] = url.pathname.split("/").filter(Boolean);
  const saved = (await caches.keys())
    .filter((name) => name.startsWith(BUNDLE_PREFIX))
    .map((name) => name.slice(BUNDLE_PREFIX.length).split(":"));
  const preferred = [language, ...(self.navigator.languages || []).map((tag) => tag.split("-")[0])];
  const rank = ([savedRegion, savedLanguage]) => {
    const position = preferred.indexOf(savedLanguage);
    return (savedRegion === region ? 0 : 100) + (position === -1 ? 50 : position);
  };
  saved.sort((a, b) => rank(a) - rank(b));
  for (const [savedRegion, savedLanguage] of saved) {
    const cache = await caches.open(`${BUNDLE_PREFIX}${savedRegion}:${savedLanguage}`);
    const page = await cache.match(`/offline/${savedRegion}/${savedLanguage}/nicht-gespeichert/`);
    if (page) {
      const headers = new Headers(page.headers);
      headers.set("Cache-Control", "no-store");
      return new Response(page.body, { status: 503, headers });
    }
  }
  return undefined;
}

function notSaved(url) {
  const [region, language] = url.pathname.split("/").filter(Boolean);
  const home = region && language ? `/${region}/${language}/` : "/";
  const body = `<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Offline</title></head><body><main>
<h1>Diese Seite ist offline nicht gespeichert.</h1>
<p lang="en">This page is not saved for offline use.</p>
<p><a href="${home}">Startseite / Home</a></p></main></body></html>`;
  return new Response(body, {
    status: 503,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });
}

function timeout(ms) {
  return new Promise((resolve) => setTimeout(() => resolve("timeout"), ms));
}

async function networkThenBundle({ request, url }) {
  const network = fetch(request);
  network.catch(() => {}); // a late failure after a saved copy was shown is no error
  try {
    if (request.mode === "navigate") {
      // Patchy mobile data: after a while, a saved copy is better than waiting on.
      const first = await Promise.race([network, timeout(PAGE_TIMEOUT_MS)]);
      if (first === "timeout") {
        const saved = await fromBundles(url);
        if (saved) return saved;
        return await network;
      }
      if (first.status >= 500) return (await fromBundles(url)) || first;
      return first;
    }
    const response = await network;
    if (response.status >= 500) return (await fromBundles(url)) || response;
    return response;
  } catch (error) {
    const saved = await fromBundles(url);
    if (saved) return saved;
    if (request.mode === "navigate") return (await notSavedPage(url)) || notSaved(url);
    throw error;
  }
}

registerRoute(
  ({ url, request }) =>
    url.origin === self.location.origin &&
    request.method === "GET" &&
    !PASS_THROUGH.some((pattern) => pattern.test(url.pathname)),
  networkThenBundle,
);
