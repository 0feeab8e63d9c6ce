/** The benchmark's HTTP client: a staff login, then timed GETs with its session cookie. */
export async function staffLogin(baseUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: baseUrl },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`login ${email}: HTTP ${response.status} ${await response.text()}`);
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

export type Timed = { ms: number; total: string; body: unknown };

export async function timedGet(baseUrl: string, path: string, cookie = ''): Promise<Timed> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}${path}`, { headers: { Cookie: cookie } });
  const text = await response.text();
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`${path}: HTTP ${response.status} ${text}`);
  return { ms, total: response.headers.get('content-range')?.split('/')[1] ?? '1', body: JSON.parse(text) };
}

export async function write(baseUrl: string, cookie: string, method: string, path: string, body: unknown = {}): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { Cookie: cookie, 'Content-Type': 'application/json', Origin: baseUrl },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${method} ${path}: HTTP ${response.status} ${text}`);
  return performance.now() - started;
}
