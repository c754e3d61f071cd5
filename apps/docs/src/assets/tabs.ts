/**
 * Turns every `[data-tabs]` group (render/tabs.ts) into tabs: one panel at a time, arrow keys between tabs. Picking
 * a tab picks the tab of the same name in the page's other groups too.
 */
export function wireTabs(root: Document): void {
  const groups = [...root.querySelectorAll<HTMLElement>("[data-tabs]")];
  const select = (label: string) => {
    for (const group of groups) {
      const tabs = [...group.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
      if (!tabs.some((t) => t.textContent === label)) continue;
      for (const tab of tabs) {
        const on = tab.textContent === label;
        tab.setAttribute("aria-selected", String(on));
        tab.tabIndex = on ? 0 : -1;
        const panel = root.getElementById(tab.getAttribute("aria-controls") ?? "");
        if (panel) panel.hidden = !on;
      }
    }
  };
  for (const group of groups) {
    const list = group.querySelector<HTMLElement>('[role="tablist"]');
    const tabs = [...group.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
    if (!list || tabs.length === 0) continue;
    list.hidden = false;
    group.classList.add("ready");
    select(
      tabs.find((t) => t.getAttribute("aria-selected") === "true")?.textContent ?? tabs[0]?.textContent ?? "",
    );
    tabs.forEach((tab, i) => {
      tab.addEventListener("click", () => select(tab.textContent ?? ""));
      tab.addEventListener("keydown", (e) => {
        const next =
          e.key === "ArrowRight"
            ? tabs[(i + 1) % tabs.length]
            : e.key === "ArrowLeft"
              ? tabs[(i - 1 + tabs.length) % tabs.length]
              : e.key === "Home"
                ? tabs[0]
                : e.key === "End"
                  ? tabs[tabs.length - 1]
                  : undefined;
        if (!next) return;
        e.preventDefault();
        select(next.textContent ?? "");
        next.focus();
      });
    });
  }
}
