// Expected failures as typed values with context; only src/cli/main.ts turns them into text and exit codes.

export type ErrorCode =
  | 'USAGE'
  | 'IO'
  | 'NOT_A_DOCKERFILE'
  | 'PARSE'
  | 'CONFIG'
  | 'TOOL'
  | 'NOT_AN_IMAGE'
  | 'MALFORMED_IMAGE'
  | 'DIGEST_MISMATCH'
  | 'PLATFORM'
  | 'REGISTRY'
  | 'AUTH'
  | 'NOT_FOUND'
  | 'ENGINE';

export interface Where {
  readonly file?: string;
  readonly line?: number;
  readonly layer?: number;
  readonly blob?: string;
  readonly ref?: string;
}

export class WhittleError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly where: Where = {},
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'WhittleError';
  }
}

export type Result<T, E = WhittleError> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E };

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function err<E>(error: E): { readonly ok: false; readonly error: E } {
  return { ok: false, error };
}

/** One line naming where the error happened: `file:line: message`. */
export function describeError(error: WhittleError): string {
  const { file, line, layer, blob, ref } = error.where;
  let place = file ?? ref ?? '';
  if (file !== undefined && line !== undefined) place += `:${line}`;
  if (layer !== undefined) place += `${place ? ' ' : ''}layer ${layer}`;
  if (blob !== undefined) place += `${place ? ' ' : ''}blob ${blob}`;
  const oneLine = error.message.replace(/\s*\n\s*/g, ' ');
  return place ? `${place}: ${oneLine}` : oneLine;
}

export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${String(value)}`);
}
