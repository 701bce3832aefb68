/**
 * Hands an exported report to the browser as a download. In the browser host it lands in the
 * downloads folder; in Electron the same download opens the save dialog (a USB drive).
 */
export function downloadFile(fileName: string, mimeType: string, contentBase64: string): void {
  const bytes = Uint8Array.from(atob(contentBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
