import type { TCaseStage } from '@chuangkou/rules/vocabulary';

/** The tag colour of each stage in the registry and on the status page. */
export const STAGE_COLORS: Record<TCaseStage, string> = {
  accepted: 'blue',
  awaitingMaterials: 'gold',
  returned: 'default',
  forwarded: 'purple',
  decided: 'green',
  notified: 'cyan',
  pickedUp: 'default',
};

/** Downloads a base64 .xlsx the API rendered. */
export function downloadBase64(fileName: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const blob = new Blob([bytes], {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
