/** Copies text to the clipboard; falls back to a hidden textarea where the Clipboard API is unavailable. */
async function copyText(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      return;
    } catch {
      // permission refused (some file:// pages): try the old way below
    }
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.append(area);
  area.select();
  const ok = document.execCommand("copy");
  area.remove();
  if (!ok) throw new Error("copy refused");
}

/** Shows the copy button of every code block and copies the block's text on click. */
export function wireCopyButtons(root: Document): void {
  for (const button of root.querySelectorAll<HTMLButtonElement>("button.copy")) {
    const code = button.parentElement?.querySelector("pre code");
    if (!code) continue;
    button.hidden = false;
    button.setAttribute("aria-label", "Copy the code");
    button.addEventListener("click", () => {
      copyText(code.textContent ?? "").then(
        () => flash(button, "Copied"),
        () => flash(button, "Press Ctrl+C"),
      );
    });
  }
}

function flash(button: HTMLButtonElement, text: string): void {
  button.textContent = text;
  window.setTimeout(() => {
    button.textContent = "Copy";
  }, 1500);
}
