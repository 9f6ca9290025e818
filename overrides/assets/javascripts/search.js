/* The search box in the header (partials/search.html): queries the Pagefind index that
   `briefing build` writes to pagefind/, loading only the index chunks and pages a query needs.

   Pagefind keeps one index per page language (brief pages declare theirs) and searches the
   index of the page it runs on. A reader searches every brief from any page, so the index of
   the site's language is the primary one and every other language is merged into it. Pagefind
   stems queries with the primary index's stemmer, which comes from the page's <html lang>: it
   is read as the site's language while Pagefind starts, so every page searches alike.

   Nothing from a page is inserted as HTML: titles, dates and places are text, and the excerpt
   is rebuilt from text with only its <mark> highlights as elements. */
(() => {
  "use strict";

  const root = document.querySelector(".md-search[data-search-bundle]");
  const toggle = document.getElementById("__search");
  if (!root || !toggle) return;

  const labels = JSON.parse(root.querySelector(".search-labels").textContent);
  const bundle = new URL(root.dataset.searchBundle, document.baseURI).href;
  const input = root.querySelector(".md-search__input");
  const form = root.querySelector(".md-search__form");
  const status = root.querySelector(".md-search-result__meta");
  const list = root.querySelector(".md-search-result__list");
  const filterBox = root.querySelector(".search-filters");
  const more = root.querySelector(".search-more");

  const FILTERS = [
    ["country", labels.search_country],
    ["locality", labels.search_locality],
    ["sector", labels.search_sector],
    ["language", labels.search_language],
    ["year", labels.search_year],
  ];
  const PAGE_SIZE = 10; // results shown at once: each loads its page's fragment
  const RANKING = { metaWeights: { subject: 8, title: 5, names: 4, sectors: 2, mentions: 0.3 } };
  /* Results rank first by how many of the query's words they contain (Pagefind also returns
     pages that match only some of them, or a close form), then by where the words matched
     (meta fields written by the generator, generator/render/pagefind.py): a place's own page,
     then a title, a brief's places or sectors, then a place a brief only mentions, then the
     text alone; then by Pagefind's score. Its scores come from one index per language, whose
     word statistics differ, so they only order results that tie on the rest. */
  const TIERS = [["subject"], ["title", "names", "sectors"], ["mentions", "places", "date"]];
  const OPTIONS = { excerptLength: 26, ranking: RANKING };

  let engine = null;
  let searchId = 0;
  let results = [];
  let shown = 0;

  /* Pagefind, started once, with every language's index merged in. */
  function start() {
    if (!engine) {
      engine = (async () => {
        const pagefind = await import(bundle + "pagefind.js");
        // On the page's thread: a web worker would download Pagefind's code a second time.
        await pagefind.options({ ...OPTIONS, noWorker: true });
        const html = document.documentElement;
        const pageLanguage = html.getAttribute("lang");
        html.setAttribute("lang", labels.site_language); // read synchronously by init()
        const started = pagefind.init();
        html.setAttribute("lang", pageLanguage);
        await started;
        const entry = await (await fetch(bundle + "pagefind-entry.json")).json();
        const others = Object.keys(entry.languages).filter((l) => l !== labels.site_language);
        // "./": Pagefind skips merging a path the primary index's path starts with.
        await Promise.all(
          others.map((language) => pagefind.mergeIndex(bundle + "./", { language, ...OPTIONS })),
        );
        return pagefind;
      })();
      engine.catch(() => {
        status.textContent = labels.search_failed;
      });
    }
    return engine;
  }

  /* The filters' values load when the reader opens them, not with the first query. */
  let filtersShown = null;
  function loadFilters() {
    if (!filtersShown) {
      filtersShown = start()
        .then((pagefind) => pagefind.filters())
        .then(showFilters);
    }
    return filtersShown;
  }

  function showFilters(available) {
    filterBox.querySelectorAll("select").forEach((select) => select.remove());
    for (const [key, name] of FILTERS) {
      const values = Object.entries(available[key] || {});
      if (!values.length) continue;
      values.sort(([a], [b]) => (key === "year" ? b.localeCompare(a) : a.localeCompare(b)));
      const select = document.createElement("select");
      select.name = key;
      select.setAttribute("aria-label", name);
      select.append(new Option(labels.search_filter_all.replace("{name}", name), ""));
      for (const [value, count] of values) select.append(new Option(`${value} (${count})`, value));
      select.addEventListener("change", search);
      filterBox.append(select);
    }
  }

  function chosenFilters() {
    const chosen = {};
    for (const select of filterBox.querySelectorAll("select")) {
      if (select.value) chosen[select.name] = select.value;
    }
    return chosen;
  }

  async function search() {
    const id = ++searchId;
    const query = input.value.trim();
    const filters = chosenFilters();
    if (!query && !Object.keys(filters).length) {
      list.replaceChildren();
      more.hidden = true;
      status.textContent = labels.search_prompt;
      return;
    }
    status.textContent = labels.search_loading;
    const pagefind = await start();
    // Without words, the briefs the filters leave, newest first.
    const sort = query ? {} : { date: "desc" };
    const response = await pagefind.search(query || null, { filters, sort });
    const words = await wordsFound(pagefind, query, filters);
    if (id !== searchId) return;
    const found = (result) => words.get(result.id) || 0;
    results = query
      ? [...response.results].sort(
          (a, b) => found(b) - found(a) || tier(a) - tier(b) || b.score - a.score,
        )
      : response.results;
    shown = 0;
    list.replaceChildren();
    const count = results.length;
    status.textContent =
      count === 0
        ? labels.search_none
        : count === 1
          ? labels.search_one
          : labels.search_many.replace("{count}", count);
    await showMore(id);
  }

  /* For each page, how many of the query's words (separated by spaces) it matches alone. */
  async function wordsFound(pagefind, query, filters) {
    const counts = new Map();
    const words = query.split(/\s+/).filter(Boolean);
    if (words.length < 2) return counts;
    const alone = await Promise.all(words.map((word) => pagefind.search(word, { filters })));
    for (const response of alone) {
      for (const result of response.results) counts.set(result.id, (counts.get(result.id) || 0) + 1);
    }
    return counts;
  }

  function tier(result) {
    const fields = result.matchedMetaFields || [];
    const found = TIERS.findIndex((tierFields) => tierFields.some((f) => fields.includes(f)));
    return found < 0 ? TIERS.length : found;
  }

  async function showMore(id) {
    const batch = results.slice(shown, shown + PAGE_SIZE);
    shown += batch.length;
    more.hidden = shown >= results.length;
    const pages = await Promise.all(batch.map((result) => result.data()));
    if (id !== searchId) return;
    list.append(...pages.map(resultItem));
  }

  function textElement(tag, className, text) {
    const element = document.createElement(tag);
    if (className) element.className = className;
    element.textContent = text;
    return element;
  }

  /* Pagefind's excerpt is text with < and > escaped and matches in <mark>: rebuilt as text. */
  function excerptElement(excerpt) {
    const paragraph = document.createElement("p");
    const unescape = (text) => text.replace(/&lt;/g, "<").replace(/&gt;/g, ">");
    excerpt.split(/(<mark>[^<]*<\/mark>)/).forEach((part) => {
      const marked = part.match(/^<mark>([^<]*)<\/mark>$/);
      paragraph.append(marked ? textElement("mark", "", unescape(marked[1])) : unescape(part));
    });
    return paragraph;
  }

  function resultItem(page) {
    const item = document.createElement("li");
    item.className = "md-search-result__item";
    const link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = page.url;
    const article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    article.append(textElement("h1", "", page.meta.title || page.url));
    const facts = [page.meta.date, page.meta.places].filter(Boolean).join(" · ");
    if (facts) article.append(textElement("p", "search-result__facts", facts));
    if (page.excerpt) article.append(excerptElement(page.excerpt));
    link.append(article);
    item.append(link);
    return item;
  }

  function open() {
    toggle.checked = true;
    input.focus();
    start();
  }

  function close() {
    toggle.checked = false;
    input.blur();
  }

  function isTyping(target) {
    return target.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName);
  }

  let timer = 0;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(search, 150);
  });
  input.addEventListener("focus", () => {
    toggle.checked = true;
    start();
  });
  toggle.addEventListener("change", () => (toggle.checked ? open() : input.blur()));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const first = list.querySelector("a");
    if (first) first.click();
  });
  form.addEventListener("reset", () => setTimeout(search));
  more.addEventListener("click", () => showMore(searchId));
  filterBox.addEventListener("toggle", () => filterBox.open && loadFilters());

  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (toggle.checked) {
      const links = [...list.querySelectorAll("a")];
      const at = links.indexOf(document.activeElement);
      if (event.key === "Escape") {
        close();
      } else if (
        (event.key === "ArrowDown" || event.key === "ArrowUp") &&
        (at >= 0 || document.activeElement === input)
      ) {
        const step = event.key === "ArrowDown" ? 1 : -1;
        const next = at + step;
        if (next < 0) input.focus();
        else if (next < links.length) links[next].focus();
        event.preventDefault();
      }
      return;
    }
    if ((event.key === "/" || event.key === "s") && !isTyping(event.target)) {
      event.preventDefault();
      open();
    }
  });
})();
