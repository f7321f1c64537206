/** Why a bulletin could not be produced. */
export type TBulletinErrorCode = 'EMPTY_PERIOD' | 'UNKNOWN_KIND' | 'UNWRITABLE_PATH' | 'INVALID_INPUT';

/**
 * A typed error with a one-line Chinese message for users (`message`) and its English (`messageEn`).
 * Nothing is left on disk when one is thrown by `writeBulletinFile`.
 */
export class BulletinError extends Error {
  override readonly name = 'BulletinError';
  readonly code: TBulletinErrorCode;
  readonly messageEn: string;
  /** The input field at fault, when there is one. */
  readonly field: string | undefined;

  constructor(code: TBulletinErrorCode, message: string, messageEn: string, field?: string) {
    super(message);
    this.code = code;
    this.messageEn = messageEn;
    this.field = field;
  }
}

export function isBulletinError(error: unknown): error is BulletinError {
  return error instanceof BulletinError;
}
