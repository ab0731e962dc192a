/** Hands a Blob to the browser's downloads under `fileName`. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The download has its own reference to the Blob once it starts.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
