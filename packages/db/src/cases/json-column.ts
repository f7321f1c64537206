/** A JSON text column read back: `fallback` for null. */
export function readJson<T>(text: string | null, fallback: T): T {
  return text === null ? fallback : (JSON.parse(text) as T);
}

/** A list stored as JSON text; an empty list is stored as null. */
export function writeJsonList(list: readonly string[]): string | null {
  return list.length > 0 ? JSON.stringify(list) : null;
}
