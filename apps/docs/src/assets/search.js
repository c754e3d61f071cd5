// Offline search: loads the prebuilt index (search-index.json, or search-index.js when opened from file://)
// and ranks entries whose title and text contain every query word. No network beyond this site.
(() => {
  const root = document.body.dataset.root || "";
  const load = () =>
    fetch(`${root}search-index.json`)
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
      .catch(
        () =>
          new Promise((resolve, reject) => {
            const s = document.createElement("script");
            s.src = `${root}search-index.js`;
            s.onload = () => resolve(window.VOICETASK_SEARCH_INDEX || []);
            s.onerror = reject;
            document.head.appendChild(s);
          }),
      );
  const search = (index, query) => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    if (words.length === 0) return [];
    return index
      .map((e) => {
        const title = e.title.toLowerCase();
        const hay = `${title} ${e.text.toLowerCase()} ${e.section.toLowerCase()}`;
        if (!words.every((w) => hay.includes(w))) return null;
        const score = words.reduce(
          (s, w) => s + (title === w ? 10 : title.startsWith(w) ? 5 : title.includes(w) ? 3 : 1),
          0,
        );
        return { e, score };
      })
      .filter(Boolean)
      .sort((a, b) => b.score - a.score || a.e.title.localeCompare(b.e.title))
      .slice(0, 50)
      .map((r) => r.e);
  };
  const results = document.getElementById("search-results");
  if (!results) return;
  const input = document.getElementById("search-page-input");
  const status = document.getElementById("search-status");
  const render = (index) => {
    const q = input.value.trim();
    const found = search(index, q);
    results.replaceChildren(
      ...found.map((e) => {
        const li = document.createElement("li");
        const a = document.createElement("a");
        a.href = root + e.url;
        a.textContent = e.title;
        const where = document.createElement("span");
        where.className = "where";
        where.textContent = e.section;
        li.append(a, where);
        return li;
      }),
    );
    status.textContent = q
      ? `${found.length} result${found.length === 1 ? "" : "s"} for “${q}”.`
      : "Type to search.";
  };
  input.value = new URLSearchParams(location.search).get("q") || "";
  load().then(
    (index) => {
      render(index);
      input.addEventListener("input", () => render(index));
    },
    () => {
      status.textContent = "The search index could not be loaded.";
    },
  );
})();
