// The filters of "Was ist wo?" in a saved copy: the page in the bundle is the unfiltered
// list, so without network the filters are applied here, to the offers of the saved
// search index (the same rules as wir.portal.directory.find_offers). What cannot be
// decided offline ("jetzt geöffnet") is said on the page, never silently dropped.

const config = document.getElementById("wir-offline");
const box = document.getElementById("wir-offline-filters");
const NAMES = ["kategorie", "kommune", "zielgruppe", "sprache", "kostenlos", "jetzt_offen", "naehe"];

function format(template, values) {
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? values[name] : whole));
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function distanceKm([lat1, lon1], [lat2, lon2]) {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 6371 * 2 * Math.asin(Math.sqrt(a));
}

export function applyFilters(index, params, language) {
  const values = (name) => params.getAll(name).filter((value) => value !== "");
  const categories = values("kategorie");
  const [town] = values("kommune");
  const groups = values("zielgruppe");
  const languages = values("sprache");
  const [near] = values("naehe");
  const origin = near ? index.municipalities[near] : undefined;
  const offers = index.documents.filter(
    (doc) =>
      doc.kind === "offer" &&
      (categories.length === 0 || categories.includes(doc.category)) &&
      (!town || String(doc.area) === town) &&
      groups.every((code) => (doc.groups || []).includes(code)) &&
      languages.every((code) => (doc.languages || []).includes(code)) &&
      (params.get("kostenlos") !== "1" || doc.free),
  );
  const collator = new Intl.Collator(language);
  const entries = offers.map((doc) => ({
    doc,
    km: origin && doc.position ? distanceKm(origin, doc.position) : null,
  }));
  entries.sort(
    (a, b) =>
      (origin ? a.km - b.km : 0) || collator.compare(a.doc.title, b.doc.title) || a.doc.id - b.doc.id,
  );
  return entries;
}

function reflectInForm(form, params) {
  form.querySelectorAll("input[type=checkbox]").forEach((input) => {
    input.checked = params.getAll(input.name).includes(input.value);
  });
  form.querySelectorAll("select").forEach((select) => {
    select.value = params.get(select.name) || "";
  });
  const details = form.closest("details");
  if (details) details.open = true;
}

function card({ doc, km }, language, messages) {
  const item = element("li", "wir-card wir-offer");
  item.append(element("p", "kern-body kern-body--small wir-offer__category", doc.category_label));
  const heading = element("h3", "kern-heading-small");
  const link = element("a", "kern-link", doc.title);
  link.href = doc.url;
  const german = doc.lang !== language;
  if (german) Object.assign(link, { lang: "de", dir: "ltr" });
  heading.append(link);
  item.append(heading);
  const summary = element("p", "kern-body", doc.summary);
  if (german) Object.assign(summary, { lang: "de", dir: "ltr" });
  item.append(summary);
  const facts = element("ul", "wir-facts");
  facts.append(element("li", "", doc.area_name));
  if (km !== null) {
    const number = new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    facts.append(element("li", "", format(messages.msgKm, { km: number.format(km) })));
  }
  if (doc.free) facts.append(element("li", "", messages.msgFree));
  if (german) facts.append(element("li", "wir-only-german", messages.msgGerman));
  item.append(facts);
  return item;
}

function notice(texts, resetUrl, messages) {
  const alert = element("div", "kern-alert kern-alert--info wir-offline-filters-notice");
  alert.setAttribute("role", "status");
  const body = element("div", "kern-alert__body");
  texts.forEach((text) => body.append(element("p", "kern-body", text)));
  const reset = element("a", "kern-link", messages.msgReset);
  reset.href = resetUrl;
  const resetLine = element("p", "kern-body");
  resetLine.append(reset);
  body.append(resetLine);
  alert.append(body);
  return alert;
}

async function run() {
  if (!config || !box || !("offlineCopy" in config.dataset)) return;
  const params = new URLSearchParams(window.location.search);
  if (!NAMES.some((name) => params.getAll(name).some((value) => value !== ""))) return;
  const form = document.querySelector("form.wir-filters");
  const results = document.querySelector(".wir-results");
  if (!form || !results) return;
  const messages = box.dataset;
  const language = config.dataset.language;
  reflectInForm(form, params);
  const texts = [];
  let entries = null;
  try {
    const response = await fetch(messages.index, { credentials: "omit" });
    if (!response.ok) throw new Error(String(response.status));
    entries = applyFilters(await response.json(), params, language);
    texts.push(messages.msgApplied);
  } catch (error) {
    texts.push(messages.msgFailed);
  }
  if (params.get("jetzt_offen") === "1") texts.push(messages.msgOpenNow);
  results.prepend(notice(texts, window.location.pathname, messages));
  if (entries === null) return;
  // The saved list is page 1 of all offers: replace it with the filtered offers, all at once.
  results.querySelectorAll(".wir-pagination, .wir-offer-list, .wir-results > p.kern-body").forEach(
    (node) => node.remove(),
  );
  // The map keeps the places of the filtered offers (or goes, if it cannot).
  const map = document.getElementById("wir-map");
  if (map && typeof map.wirMapKeep === "function") {
    const counts = {};
    entries.forEach(({ doc }) => {
      if (doc.place) counts[doc.place] = (counts[doc.place] || 0) + 1;
    });
    map.wirMapKeep(counts, messages.msgCount);
  } else if (map) {
    map.remove();
  }
  const heading = results.querySelector("#results-heading");
  if (heading) heading.textContent = format(messages.msgCount, { count: entries.length });
  if (entries.length === 0) {
    results.append(element("p", "kern-body", messages.msgNone));
  } else {
    const list = element("ul", "wir-offer-list");
    entries.forEach((entry) => list.append(card(entry, language, messages)));
    results.append(list);
  }
  results.dataset.offlineFiltered = String(entries.length);
}

run();
