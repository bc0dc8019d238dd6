"use client";
/** Download, print and copy: what the clinician can always do, even when saving is not possible. */

export function downloadText(fileName: string, mimeType: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Prints only the element marked `data-print-target="<target>"`: the body gets a class
 * that the print stylesheet uses to hide everything else, removed after printing.
 */
export function printTarget(target: string): void {
  document.body.dataset.printing = target;
  const done = () => {
    delete document.body.dataset.printing;
    window.removeEventListener("afterprint", done);
  };
  window.addEventListener("afterprint", done);
  window.print();
}

/** Copies text; resolves false when the browser refuses (e.g. inside an EHR frame without clipboard permission). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
