// The search page: Pagefind's index is loaded only here, on the reader's first search. The query and the
// filters live in the URL (?q=&type=&year=&actor=) so a search can be shared and reloaded.
const form = document.getElementById("search-form");
const input = form.elements.q;
const filterBox = document.getElementById("search-filters");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const more = document.getElementById("search-more");
const FILTERS = ["type", "year", "actor"];
const LIMIT = 20;
let engine;
let shown = { matches: [], count: 0 };

// A long record's index comes in shards (a thousand pages each); the first one's code searches them all.
// Each is merged with a filter naming it, so that results can be told apart by shard.
const SHARD = "shard";
const pagefind = () => {
  engine ??= (async () => {
    const root = new URL(form.dataset.root, location.href);
    const [first, ...others] = form.dataset.indexes.split(" ").map((folder) => new URL(folder, root).href);
    const found = await import(`${first}pagefind.js`);
    await found.options({ mergeFilter: { [SHARD]: "1" } });
    await Promise.all(others.map((index, n) => found.mergeIndex(index, { mergeFilter: { [SHARD]: `${n + 2}` } })));
    return found;
  })();
  return engine;
};

const fold = (text) => text.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase()
  .replace(/^[^\p{L}\p{N}]+/u, "");
const exact = (query) => /^\s*".+"\s*$/.test(query);

// Pagefind matches the beginnings of words, and when no word of an index begins with a searched word it
// answers with the longest beginning of it that some word has: "declaration", in no page, would find every
// "co-sponsor". So a searched word counts as found only if the best result holds a word that begins with
// it ("Guter" for Guterres), or Pagefind's exact search (the word in quotes, matched whole after stemming)
// finds it ("vetoes" for "vetoed"); an answer to a query with a word not found is no answer.
const answers = async (index, query, found, filters) => {
  if (found.results.length === 0 || exact(query)) return true;
  const best = await found.results[0].data();
  const words = best.content.split(/\s+/);
  const matched = best.locations.map((location) => fold(words[location] ?? ""));
  const terms = query.split(/\s+/).filter(Boolean);
  const checks = await Promise.all(terms.map(async (term) =>
    matched.some((word) => word.startsWith(fold(term))) ||
    (await index.search(`"${term}"`, { filters })).results.length > 0));
  return checks.every(Boolean);
};

// The results of the shards that answer the query; each shard is asked on its own, since one that lacks
// a word answers with its beginnings.
const relevant = async (index, query, found, filters) => {
  const shards = Object.entries(found.filters[SHARD] ?? {}).filter(([, count]) => count > 0);
  if (shards.length < 2) return (await answers(index, query, found, filters)) ? found.results : [];
  const answered = await Promise.all(shards.map(async ([shard]) => {
    const inShard = { ...filters, [SHARD]: shard };
    const each = await index.search(query, { filters: inShard });
    return (await answers(index, query, each, inShard)) ? each.results : [];
  }));
  return answered.flat().sort((a, b) => b.score - a.score);
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
  const meta = document.createElement("p");
  meta.className = "result-meta";
  meta.textContent = [result.meta.date, result.meta.type].filter(Boolean).join(" · ");
  li.append(heading, meta, excerpt(result.excerpt));
  return li;
};

const chosen = () => Object.fromEntries(FILTERS.map((name) => [name, form.elements[name].value])
  .filter(([, value]) => value));

const remember = (query, filters) => {
  const url = new URL(location.href);
  url.search = new URLSearchParams([...(query ? [["q", query]] : []), ...Object.entries(filters)]);
  history.replaceState(null, "", url);
};

// The filters in words, as their choices are labelled: "Vote, 2023".
const described = (filters) => FILTERS.filter((name) => filters[name])
  .map((name) => form.elements[name].selectedOptions[0].textContent).join(", ");

// The page's words (data-words), in its language: a message's forms by plural category, its values by name.
const words = JSON.parse(status.dataset.words);
const plural = (forms, number) => forms[new Intl.PluralRules(document.documentElement.lang).select(number)]
  ?? forms.other;
const fill = (text, values) => text.replace(/%\((\w+)\)[sd]/g, (_, name) => values[name]);

const say = (query, filters) => {
  const total = shown.matches.length;
  const what = [query && fill(words.query, { query }), Object.keys(filters).length > 0 && `(${described(filters)})`]
    .filter(Boolean).join(" ");
  if (total === 0) {
    status.textContent = fill(words.nothing, { what });
  } else {
    const count = fill(plural(words.found, total), { num: total, what });
    status.textContent = shown.count < total ? fill(words.shown, { count, shown: shown.count }) : `${count}.`;
  }
};

// Show the next results after those shown; give the first new item.
const showMore = async () => {
  const next = shown.matches.slice(shown.count, shown.count + LIMIT);
  const items = (await Promise.all(next.map((result) => result.data()))).map(item);
  list.append(...items);
  shown.count += next.length;
  more.hidden = shown.count >= shown.matches.length;
  return items[0];
};

const run = async (query, debounce) => {
  const filters = chosen();
  remember(query, filters);
  if (!query && Object.keys(filters).length === 0) {
    list.replaceChildren();
    status.textContent = "";
    more.hidden = true;
    return;
  }
  const index = await pagefind();
  const found = query ? await index.debouncedSearch(query, { filters }, debounce)
    : await index.search(null, { filters });
  if (found === null) return;  // a newer query has replaced this one
  const matches = query ? await relevant(index, query, found, filters) : found.results;
  if (input.value.trim() !== query || JSON.stringify(chosen()) !== JSON.stringify(filters)) return;  // changed since
  shown = { matches, count: 0 };
  list.replaceChildren();
  await showMore();
  say(query, filters);
};

const search = (debounce) => run(input.value.trim(), debounce).catch(() => {
  status.textContent = words.failed;
});

form.addEventListener("submit", (event) => {
  event.preventDefault();
  search(0);
});
input.addEventListener("input", () => search(300));
filterBox.addEventListener("change", () => search(0));
// The reader who asked for more goes on reading at the first of them, and hears how many are shown.
more.addEventListener("click", async () => {
  const first = await showMore();
  say(input.value.trim(), chosen());
  first?.querySelector("a").focus();
});

const params = new URLSearchParams(location.search);
input.value = params.get("q") || "";
for (const name of FILTERS) {
  const select = form.elements[name];
  select.value = params.get(name) || "";
  if (select.selectedIndex < 0) select.value = "";  // an unknown value in a shared link filters nothing
}
filterBox.disabled = false;
if (input.value.trim() || Object.keys(chosen()).length > 0) search(0);
