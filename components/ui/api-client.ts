// Browser-side fetch for our JSON API: returns the data or the server's error message, never throws.
export type ApiResult<T> =
  | { ok: true; data: T }
  | { ok: false; status: number; message: string; fields?: Record<string, string>; error?: Record<string, unknown> };

export async function callApi<T>(url: string, init: RequestInit = {}): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(url, {
      ...init,
      headers: init.body instanceof FormData ? init.headers : { 'content-type': 'application/json', ...init.headers },
    });
  } catch {
    return { ok: false, status: 0, message: 'Could not reach the server. Check your connection; nothing was saved.' };
  }
  const body = (await res.json().catch(() => null)) as { error?: { message: string; fields?: Record<string, string> } & Record<string, unknown> } | null;
  if (!res.ok) {
    return { ok: false, status: res.status, message: body?.error?.message ?? `The server answered ${res.status}.`, fields: body?.error?.fields, error: body?.error };
  }
  return { ok: true, data: body as T };
}
