// The citizen build's '@0no-co/graphql.web' (vite.config.ts): the one function the shared client
// takes from it, `print`, turns a parsed document back into text, and the citizen face's
// documents are never parsed (graphql.ts keeps their text), so the printer stays off the phone.
export function print(): never {
  throw new Error('citizen GraphQL documents are sent as written, never printed');
}
