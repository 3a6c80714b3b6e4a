/**
 * Saves data as a file through the platform's download (a save dialog in Electron, the
 * downloads folder in a browser). The object URL outlives the click long enough to be read.
 */
export function downloadFile(data: BlobPart, fileName: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([data], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
