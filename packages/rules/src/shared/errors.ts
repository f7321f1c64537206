/**
 * A domain error: the engine refuses its input. `path` names the place (`records[3].item`),
 * `message` says why in English, `messageZh` in Chinese for a clerk.
 */
export class RulesError extends Error {
  override readonly name = 'RulesError';
  constructor(
    readonly code:
      | 'INVALID_SCENARIO'
      | 'INVALID_POLICY'
      | 'UNSUPPORTED_POLICY'
      | 'INVALID_INPUT'
      | 'INVALID_RECORD',
    readonly path: string,
    readonly detail: string,
    readonly detailZh: string = detail,
  ) {
    super(path ? `${path}: ${detail}` : detail);
  }

  /**
   * The same refusal one level down: `level` within `records[3]` is `records[3].level`. The field and
   * both messages stay as they were.
   */
  within(prefix: string, code: RulesError['code'] = this.code): RulesError {
    const path = !this.path
      ? prefix
      : this.path.startsWith('[')
        ? `${prefix}${this.path}`
        : `${prefix}.${this.path}`;
    return new RulesError(code, path, this.detail, this.detailZh);
  }

  /** The message for a Chinese-speaking user: `records[3].item：未知条款 "Z9"`. */
  get messageZh(): string {
    return this.path ? `${this.path}：${this.detailZh}` : this.detailZh;
  }
}

/** `['records', 3, 'item']` → `records[3].item` */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}
