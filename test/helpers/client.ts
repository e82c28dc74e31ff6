// A tiny GraphQL-over-HTTP client that keeps its session cookie, like a browser would.
export interface GqlResult<T = any> {
  status: number;
  data: T;
  errors?: Array<{ message: string; extensions?: Record<string, any> }>;
  headers: Headers;
}

export class Client {
  /** Every cookie the server set, like a browser's jar (paths and expiry ignored). */
  readonly jar = new Map<string, string>();

  /** `headers` go with every request, e.g. an X-Forwarded-For to act from another address. */
  constructor(
    readonly baseUrl: string,
    readonly headers: Record<string, string> = {},
  ) {}

  /** The session cookie as a request header value, or null when logged out. */
  get cookie(): string | null {
    const v = this.jar.get('wfp_session');
    return v ? `wfp_session=${v}` : null;
  }

  set cookie(header: string | null) {
    if (header) this.jar.set('wfp_session', header.replace(/^wfp_session=/, ''));
    else this.jar.delete('wfp_session');
  }

  private cookieHeader() {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async gql<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    headers: Record<string, string> = {},
  ): Promise<GqlResult<T>> {
    const res = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-wfp-csrf': '1',
        ...(this.jar.size ? { cookie: this.cookieHeader() } : {}),
        ...this.headers,
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      const [name, value] = [pair!.slice(0, eq), pair!.slice(eq + 1)];
      const expired = /expires=Thu, 01 Jan 1970/i.test(c) || /max-age=0/i.test(c);
      if (!value || expired) this.jar.delete(name);
      else this.jar.set(name, value);
    }
    const body = (await res.json()) as { data: T; errors?: GqlResult['errors'] };
    return { status: res.status, data: body.data, errors: body.errors, headers: res.headers };
  }

  /** The first error's code, or undefined when the call succeeded. */
  async code(query: string, variables?: Record<string, unknown>) {
    return (await this.gql(query, variables)).errors?.[0]?.extensions?.code as string | undefined;
  }

  async login(username: string, password: string) {
    const r = await this.gql(
      `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { user { id role } } }`,
      {
        u: username,
        p: password,
      },
    );
    if (r.errors) throw new Error(`login failed: ${JSON.stringify(r.errors)}`);
    return r.data.login.user as { id: string; role: string };
  }
}
