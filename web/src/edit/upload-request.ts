/**
 * PUT /api/network (admin) with the two CSV texts, through its own small fetch: the
 * web's ApiClient keeps only the status, code and message of an error, and a refused
 * upload's answer also locates every problem (`error.issues`). A refusal throws an
 * `UploadError` carrying them; no answer at all throws one with status null.
 *
 * @example
 *   const result = await putNetwork({ companies, supplies, version }, { token: () => sessionStorage.getItem('weaklink.token') });
 */
import type { NetworkUploadResponse } from '../../../src/contract/api-types.ts';
import { readFailure, type UploadFailure } from './upload-text.ts';

export interface NetworkUpload {
  companies: string;
  supplies: string;
  version?: string;
}

export class UploadError extends Error {
  constructor(readonly failure: UploadFailure) {
    super(failure.message);
    this.name = 'UploadError';
  }
}

export interface UploadRequestOptions {
  /** The bearer token to send (read at each upload). */
  token(): string | null;
  /** Origin of the API (default: the page's own). */
  base?: string;
  fetch?: typeof fetch;
}

/** Sends the upload; resolves with the server's answer, or throws an UploadError. */
export async function putNetwork(upload: NetworkUpload, options: UploadRequestOptions): Promise<NetworkUploadResponse> {
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'application/json' };
  const token = options.token();
  if (token) headers['authorization'] = `Bearer ${token}`;
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(`${options.base ?? ''}/api/network`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ format: 'csv', ...upload }),
    });
  } catch (error) {
    throw new UploadError({ status: null, message: `No answer from the server: ${String(error)}`, issues: [] });
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new UploadError(readFailure(response.status, body));
  return body as NetworkUploadResponse;
}

/** The page's token (main.ts keeps it in this tab's sessionStorage under `weaklink.token`). */
export function sessionToken(): string | null {
  try {
    return sessionStorage.getItem('weaklink.token');
  } catch {
    return null;
  }
}
