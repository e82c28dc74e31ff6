// Subscribes over GraphQL-over-SSE (what yoga speaks) and yields each `next` payload.
export function subscribe(baseUrl: string, query: string, cookie: string | null) {
  const abort = new AbortController();
  // Resolves once the server answered: the subscription is registered from then on.
  const response = fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'text/event-stream',
      'x-wfp-csrf': '1',
      ...(cookie ? { cookie } : {}),
    },
    body: JSON.stringify({ query }),
    signal: abort.signal,
  });
  const events = (async function* () {
    const res = await response;
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block.split('\n').find((l) => l.startsWith('data:'));
        if (block.startsWith('event: next') && data) yield JSON.parse(data.slice(5));
        if (block.startsWith('event: complete')) return;
      }
    }
  })();
  return { events, ready: response.then(() => undefined), close: () => abort.abort() };
}
