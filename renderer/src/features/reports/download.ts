import type { ExportedFile } from '../../../../shared/contract';

/** The bytes of a base64 text (atob: the renderer has no Buffer). */
export function bytesOfBase64(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** How long the file's object URL lives: long enough for the browser or Electron to start the download. */
const URL_LIFETIME_MS = 60_000;

/**
 * Hands an exported report to the browser as a download: a Blob behind an `<a download>`. The same
 * works in the browser host and in Electron, where the download asks where to save the file.
 */
export function downloadFile(file: ExportedFile): void {
  const url = URL.createObjectURL(new Blob([bytesOfBase64(file.base64)], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), URL_LIFETIME_MS);
}
