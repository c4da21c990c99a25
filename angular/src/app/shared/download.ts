/** Hands a fetched file (PDF, Excel) to the browser as a download under the given name. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The click has started the download; the browser no longer needs the object URL afterwards.
  setTimeout(() => URL.revokeObjectURL(url));
}
