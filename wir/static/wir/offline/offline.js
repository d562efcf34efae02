// The offline app in the page: registers the service worker, saves a region's bundle into
// Cache Storage ("Für offline speichern"), and tells the visitor when new content is there.
//
// A bundle is a manifest of {url, hash, bytes, type, blob} entries (wir/offline/bundles.py).
// The browser keeps the manifest it saved; an update downloads only entries whose hash
// changed or that are new, and deletes entries that are gone (the same rule as `delta`).

const config = document.getElementById("wir-offline");
const PARALLEL_DOWNLOADS = 6;

function cacheName(region, language) {
  return `wir-offline:${region}:${language}`;
}

function savedKey(region, language) {
  return `/offline/${region}/${language}/saved-manifest.json`;
}

function format(template, values) {
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? values[name] : whole));
}

function formatBytes(bytes, language) {
  const units = ["B", "kB", "MB", "GB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = unit === 0 ? 0 : 1;
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}

async function sha256(buffer) {
  const digest = await crypto.subtle.digest("SHA-256", buffer);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

export function planUpdate(saved, manifest, present) {
  const held = new Map(((saved && saved.files) || []).map((file) => [file.url, file.hash]));
  const wanted = new Set(manifest.files.map((file) => file.url));
  const download = manifest.files.filter(
    (file) => held.get(file.url) !== file.hash || !present.has(file.url),
  );
  const remove = [...held.keys()].filter((url) => !wanted.has(url));
  return { download, remove };
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// A server above its capacity answers 503 with Retry-After at once (wir/core/shedding.py)
// instead of letting requests time out: wait as long as it asks and try again.
const BUSY_RETRIES = 20;

async function fetchPatiently(url, options) {
  for (let attempt = 0; ; attempt += 1) {
    const response = await fetch(url, options);
    if (response.status !== 503 || attempt >= BUSY_RETRIES) return response;
    const seconds = Number(response.headers.get("Retry-After")) || 1;
    await sleep(Math.min(seconds, 10) * 1000);
  }
}

// The manifest of the current content. Right after a publish the server answers 202 while
// it builds the bundle in the background ({status: "preparing", done, total}): with
// `onPreparing` we wait and ask again, without it there is nothing to offer yet (null).
async function fetchManifest(url, onPreparing) {
  for (let attempt = 0; ; attempt += 1) {
    const response = await fetchPatiently(url, { cache: "no-cache", credentials: "omit" });
    if (response.status === 202) {
      if (!onPreparing) return null;
      onPreparing(await response.json());
      await sleep(Math.min(1500 + attempt * 250, 5000));
      continue;
    }
    if (!response.ok) throw new Error(`${response.status} ${url}`);
    return response.json();
  }
}

async function readSaved(region, language) {
  const name = cacheName(region, language);
  if (!(await caches.has(name))) return null;
  const cache = await caches.open(name);
  const response = await cache.match(savedKey(region, language));
  return response ? response.json() : null;
}

// Save or update (region, language); `onProgress(done, total)` counts bytes.
export async function saveBundle({ region, language, manifestUrl, onProgress }) {
  const manifest = await fetchManifest(manifestUrl, () => onProgress(0, 1));
  const cache = await caches.open(cacheName(region, language));
  const saved = await readSaved(region, language);
  const present = new Set(
    (await cache.keys()).map((request) => {
      const url = new URL(request.url);
      return url.pathname + url.search;
    }),
  );
  const plan = planUpdate(saved, manifest, present);
  const total = plan.download.reduce((sum, file) => sum + file.bytes, 0);
  let done = 0;
  onProgress(0, total);
  const queue = [...plan.download];
  async function worker() {
    while (queue.length > 0) {
      const file = queue.shift();
      const response = await fetchPatiently(file.blob, { credentials: "omit" });
      if (!response.ok) throw new Error(`${response.status} ${file.blob}`);
      const body = await response.arrayBuffer();
      if ((await sha256(body)) !== file.hash) throw new Error(`damaged: ${file.url}`);
      const headers = { "Content-Type": file.type, "X-Wir-Hash": file.hash };
      const policy = response.headers.get("Content-Security-Policy");
      if (policy && file.type.startsWith("text/html")) headers["Content-Security-Policy"] = policy;
      await cache.put(file.url, new Response(body, { headers }));
      done += file.bytes;
      onProgress(done, total);
    }
  }
  await Promise.all(Array.from({ length: PARALLEL_DOWNLOADS }, worker));
  await Promise.all(plan.remove.map((url) => cache.delete(url)));
  const kept = {
    version: manifest.version,
    saved_at: new Date().toISOString(),
    files: manifest.files.map(({ url, hash, bytes }) => ({ url, hash, bytes })),
  };
  await cache.put(
    savedKey(region, language),
    new Response(JSON.stringify(kept), { headers: { "Content-Type": "application/json" } }),
  );
  if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(() => {});
  const report = {
    version: manifest.version,
    downloaded: plan.download.length,
    downloaded_bytes: total,
    removed: plan.remove.length,
    kept: manifest.files.length - plan.download.length,
    urls: plan.download.map((file) => file.url),
  };
  // Read by support staff in the developer tools and by the browser tests.
  window.wirOfflineReport = report;
  return report;
}

function percent(done, total) {
  return total === 0 ? 100 : Math.floor((done * 100) / total);
}

async function registerWorker() {
  if (!("serviceWorker" in navigator)) return false;
  try {
    await navigator.serviceWorker.register(config.dataset.worker, { scope: "/" });
    return true;
  } catch (error) {
    console.warn("service worker", error);
    return false;
  }
}

function announce(text) {
  const status = document.getElementById("wir-offline-status");
  if (status) status.textContent = text;
}

async function showNoticeWhenNewer(region, language) {
  const saved = await readSaved(region, language);
  if (!saved || !navigator.onLine) return;
  let manifest;
  try {
    // Right after a publish the new bundle is still being built: wait for it here.
    manifest = await fetchManifest(config.dataset.manifest, () => {});
  } catch (error) {
    return; // offline or the server is busy: ask again on the next page
  }
  if (manifest.version === saved.version) return;
  const template = document.getElementById("wir-offline-notice");
  const main = document.getElementById("main");
  if (!template || !main || document.querySelector(".wir-offline-notice")) return;
  const notice = template.content.firstElementChild.cloneNode(true);
  main.prepend(notice);
  announce(notice.querySelector("h2").textContent);
  const button = notice.querySelector("[data-offline-update]");
  const box = notice.querySelector(".wir-offline-progress");
  const bar = box.querySelector("progress");
  const result = notice.querySelector("[data-offline-result]");
  button.addEventListener("click", async () => {
    button.disabled = true;
    box.hidden = false;
    try {
      const report = await saveBundle({
        region,
        language,
        manifestUrl: config.dataset.manifest,
        onProgress: (done, total) => {
          bar.value = percent(done, total);
          bar.textContent = `${bar.value} %`;
        },
      });
      result.textContent = format(config.dataset.msgUpdated, {
        files: report.downloaded,
        removed: report.removed,
      });
    } catch (error) {
      console.warn("offline update", error);
      result.textContent = config.dataset.msgFailed;
      button.disabled = false;
    }
    announce(result.textContent);
  });
}

async function setUpSavePage(section, region, language, workerReady) {
  const sizeText = section.querySelector("[data-offline-size]");
  const state = section.querySelector("[data-offline-state]");
  const start = section.querySelector("[data-offline-start]");
  const remove = section.querySelector("[data-offline-remove]");
  // KERN's buttons set their own display, so the wrapper is what gets hidden.
  const removeWrap = section.querySelector("[data-offline-remove-wrap]");
  const bar = section.querySelector("[data-offline-progress]");
  const status = section.querySelector("[data-offline-status]");
  const messages = section.dataset;
  if (!workerReady || !("caches" in window)) {
    status.textContent = messages.msgUnsupported;
    return;
  }
  const saved = await readSaved(region, language);
  async function describe() {
    // The server already wrote the size, or that the bundle is being prepared.
    const manifest = await fetchManifest(config.dataset.manifest, (state) => {
      sizeText.textContent = state.total
        ? `${messages.msgPreparing} ${format(messages.msgPrepared, { done: state.done, total: state.total })}`
        : messages.msgPreparing;
    });
    sizeText.textContent = format(messages.msgSize, {
      size: formatBytes(manifest.total_bytes, language),
      files: manifest.files.length,
    });
    return manifest;
  }
  function showSaved(current, manifest) {
    if (!current) {
      state.textContent = "";
      removeWrap.hidden = true;
      return;
    }
    state.textContent = format(messages.msgSaved, { version: current.version.slice(0, 8) });
    if (manifest && manifest.version === current.version) {
      state.textContent += ` ${messages.msgCurrent}`;
    }
    removeWrap.hidden = false;
  }
  try {
    const manifest = await describe();
    showSaved(saved, manifest);
    start.disabled = false;
  } catch (error) {
    status.textContent = config.dataset.msgFailed;
    return;
  }
  start.addEventListener("click", async () => {
    start.disabled = true;
    status.textContent = messages.msgSaving;
    bar.value = 0;
    try {
      await navigator.serviceWorker.ready;
      const report = await saveBundle({
        region,
        language,
        manifestUrl: config.dataset.manifest,
        onProgress: (done, total) => {
          bar.value = percent(done, total);
          bar.textContent = `${bar.value} %`;
        },
      });
      bar.value = 100;
      status.textContent = messages.msgDone;
      showSaved({ version: report.version }, { version: report.version });
    } catch (error) {
      console.warn("offline save", error);
      status.textContent = config.dataset.msgFailed;
    }
    start.disabled = false;
  });
  remove.addEventListener("click", async () => {
    await caches.delete(cacheName(region, language));
    bar.value = 0;
    showSaved(null, null);
    status.textContent = messages.msgRemoved;
  });
}

// A saved copy does not know which day it is read on: mark today in the opening hours.
function markToday() {
  const rows = document.querySelectorAll(".wir-hours__table tbody tr");
  if (rows.length !== 7) return;
  const today = rows[(new Date().getDay() + 6) % 7]; // the table starts on Monday
  today.classList.add("wir-hours__today");
  today.setAttribute("aria-current", "date");
}

// The page shown offline for what is not saved: keep the links to the languages saved on
// this device, and say in the language of the address asked for when that one is not saved.
async function setUpNotSaved(section) {
  if (!("caches" in window)) return;
  const region = section.dataset.region;
  const prefix = cacheName(region, "");
  const saved = new Set(
    (await caches.keys()).filter((name) => name.startsWith(prefix)).map((name) => name.slice(prefix.length)),
  );
  if (saved.size === 0) return; // nothing saved (e.g. this page opened online): show all
  section.querySelectorAll("[data-saved-language]").forEach((item) => {
    item.hidden = !saved.has(item.dataset.savedLanguage);
  });
  const [first, requested] = window.location.pathname.split("/").filter(Boolean);
  if (first === region && requested && !saved.has(requested)) {
    const line = section.querySelector(`[data-requested-language="${CSS.escape(requested)}"]`);
    if (line) line.hidden = false;
  }
}

async function main() {
  const { region, language } = config.dataset;
  if ("offlineCopy" in config.dataset) markToday();
  const workerReady = await registerWorker();
  const notSaved = document.querySelector("[data-offline-not-saved]");
  if (notSaved) await setUpNotSaved(notSaved);
  const section = document.querySelector("[data-offline-save]");
  if (section) {
    await setUpSavePage(section, region, language, workerReady);
  } else if (workerReady && "caches" in window) {
    await showNoticeWhenNewer(region, language);
  }
}

if (config) main();
