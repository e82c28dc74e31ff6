// A tiny GraphQL-over-HTTP client that keeps its session cookie, like a browser would.
export interface GqlResult<T = any> {
  status: number;
  data: T;
  errors?: Array<{ message: string; extensions?: Record<string, any> }>;
  headers: Headers;
}

export class Client {
  cookie: string | null = null;

  constructor(readonly baseUrl: string) {}

  async gql<T = any>(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<GqlResult<T>> {
    const res = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-wfp-csrf': '1',
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    const setCookie = res.headers.getSetCookie();
    for (const c of setCookie) {
      const [pair] = c.split(';');
      const [name, value] = pair!.split('=');
      if (name === 'wfp_session') this.cookie = value ? `wfp_session=${value}` : null;
    }
    const body = (await res.json()) as { data: T; errors?: GqlResult['errors'] };
    return { status: res.status, data: body.data, errors: body.errors, headers: res.headers };
  }

  /** The first error's code, or undefined when the call succeeded. */
  async code(query: string, variables?: Record<string, unknown>) {
    return (await this.gql(query, variables)).errors?.[0]?.extensions?.code as string | undefined;
  }

  async login(username: string, password: string) {
    const r = await this.gql(`mutation($u: String!, $p: String!) { login(username: $u, password: $p) { user { id role } } }`, {
      u: username,
      p: password,
    });
    if (r.errors) throw new Error(`login failed: ${JSON.stringify(r.errors)}`);
    return r.data.login.user as { id: string; role: string };
  }
}
