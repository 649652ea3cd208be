import { getToken, logout } from './auth';

/** An answer of the files app (`/files/…`) that was not OK, with its code and message. */
export class FilesError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The stable reason key, when the server sent one (show its text, never `message`). */
    readonly reason?: string,
  ) {
    super(message);
  }
}

/** A request to the files app with the session's token; a 401 logs out like the tRPC client does. */
export async function filesFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const token = getToken();
  const response = await fetch(`/files/${path}`, {
    ...init,
    headers: {
      ...(init.headers as Record<string, string>),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
  });
  if (response.status === 401) logout('expired');
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as {
      error?: { code?: string; message?: string; reason?: unknown };
    } | null;
    throw new FilesError(
      response.status,
      body?.error?.code ?? 'ERROR',
      body?.error?.message ?? response.statusText,
      typeof body?.error?.reason === 'string' ? body.error.reason : undefined,
    );
  }
  return response;
}

/** Downloads a file of the files app and saves it under the name the server gives. */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  const response = await filesFetch(path);
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
