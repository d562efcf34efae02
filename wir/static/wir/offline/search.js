// Offline search: indexes the documents of the saved bundle with MiniSearch in the browser
// and lists the hits like the online search page does.
(function () {
  "use strict";
  const form = document.querySelector("[data-offline-search]");
  if (!form || !window.MiniSearch) return;
  const input = form.querySelector("input[name=q]");
  const results = document.querySelector("[data-offline-results]");
  const heading = results.querySelector("h2");
  const list = results.querySelector("ul");
  const status = document.querySelector("[data-offline-search-status]");
  const pageLanguage = document.documentElement.lang;
  let engine = null;

  // Case and accents do not matter ("Ubersetzung" finds "Übersetzung"); ß is ss.
  function fold(term) {
    return term
      .toLowerCase()
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/ß/g, "ss");
  }

  async function load() {
    if (engine) return engine;
    const response = await fetch(form.dataset.offlineSearch);
    const data = await response.json();
    engine = new window.MiniSearch({
      fields: ["title", "summary", "text"],
      storeFields: ["title", "summary", "url", "kind", "lang"],
      processTerm: (term) => fold(term) || null,
      searchOptions: { boost: { title: 3, summary: 2 }, prefix: true, fuzzy: 0.2 },
    });
    engine.addAll(data.documents);
    return engine;
  }

  function text(template, values) {
    return template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? values[name] : whole));
  }

  function item(hit) {
    const li = document.createElement("li");
    li.className = "wir-card";
    const kind = document.createElement("p");
    kind.className = "kern-body kern-body--small wir-offer__category";
    kind.textContent = form.dataset[`label${hit.kind[0].toUpperCase()}${hit.kind.slice(1)}`] || "";
    const title = document.createElement("h3");
    title.className = "kern-heading-small";
    const link = document.createElement("a");
    link.className = "kern-link";
    link.href = hit.url;
    link.textContent = hit.title;
    title.append(link);
    li.append(kind, title);
    if (hit.summary) {
      const summary = document.createElement("p");
      summary.className = "kern-body";
      summary.textContent = hit.summary;
      li.append(summary);
    }
    if (hit.lang && hit.lang !== pageLanguage) {
      for (const element of [title, li.lastElementChild]) {
        element.lang = hit.lang;
        element.dir = "ltr";
      }
    }
    return li;
  }

  async function run(query) {
    const index = await load();
    let hits = index.search(query, { combineWith: "AND" });
    if (hits.length === 0) hits = index.search(query);
    const seen = new Set();
    hits = hits.filter((hit) => !seen.has(hit.url + hit.title) && seen.add(hit.url + hit.title));
    list.replaceChildren(...hits.slice(0, 50).map(item));
    heading.textContent = hits.length
      ? text(form.dataset.msgHits, { count: hits.length, query })
      : form.dataset.msgNone;
    results.hidden = false;
    status.textContent = heading.textContent;
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const query = input.value.trim();
    if (!query) return;
    history.replaceState(null, "", `?q=${encodeURIComponent(query)}`);
    run(query);
  });
  const initial = new URLSearchParams(window.location.search).get("q");
  if (initial) {
    input.value = initial;
    run(initial.trim());
  }
})();
