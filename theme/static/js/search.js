// The search page: Pagefind's index is loaded only here, on the reader's first search. The query lives in
// the URL (?q=) so a search can be shared and reloaded.
const form = document.getElementById("search-form");
const input = form.elements.q;
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const LIMIT = 20;
let engine;

const pagefind = () => {
  engine ??= import(new URL("pagefind/pagefind.js", new URL(form.dataset.root, location.href)).href);
  return engine;
};

// Pagefind's excerpt is HTML with <mark> around the matched words; only text and <mark> are kept.
const excerpt = (html) => {
  const paragraph = document.createElement("p");
  for (const node of new DOMParser().parseFromString(html, "text/html").body.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      paragraph.append(mark);
    } else {
      paragraph.append(node.textContent);
    }
  }
  return paragraph;
};

const item = (result) => {
  const li = document.createElement("li");
  const link = document.createElement("a");
  link.href = result.url;
  link.textContent = result.meta.title;
  const heading = document.createElement("h2");
  heading.append(link);
  li.append(heading);
  if (result.meta.kicker) {
    const kicker = document.createElement("p");
    kicker.className = "kicker";
    kicker.textContent = result.meta.kicker;
    li.append(kicker);
  }
  li.append(excerpt(result.excerpt));
  return li;
};

const remember = (query) => {
  const url = new URL(location.href);
  url.search = query ? new URLSearchParams({ q: query }) : "";
  history.replaceState(null, "", url);
};

const run = async (query, debounce) => {
  remember(query);
  if (!query) {
    list.replaceChildren();
    status.textContent = "";
    return;
  }
  const found = await (await pagefind()).debouncedSearch(query, {}, debounce);
  if (found === null) return;  // a newer query has replaced this one
  const results = await Promise.all(found.results.slice(0, LIMIT).map((result) => result.data()));
  list.replaceChildren(...results.map(item));
  const total = found.results.length;
  status.textContent = total === 0
    ? `Nothing found for “${query}”.`
    : `${total} result${total === 1 ? "" : "s"} for “${query}”${total > LIMIT ? `, the first ${LIMIT} shown` : ""}.`;
};

const search = (debounce) => run(input.value.trim(), debounce).catch(() => {
  status.textContent = "Search could not be loaded. Browse the timeline by year or type instead.";
});

form.addEventListener("submit", (event) => {
  event.preventDefault();
  search(0);
});
input.addEventListener("input", () => search(300));

input.value = new URLSearchParams(location.search).get("q") || "";
if (input.value.trim()) search(0);
