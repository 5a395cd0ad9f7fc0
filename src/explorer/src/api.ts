/** POSTs a GraphQL operation to the server this page came from; throws with the server's message. */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  let body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    body = (await res.json()) as typeof body;
  } catch {
    throw new Error(`HTTP ${res.status} ${res.statusText}`.trim());
  }
  if (body.errors?.length)
    throw new Error(body.errors.map((e) => `${e.message} [${e.extensions?.code ?? '?'}]`).join('; '));
  return body.data as T;
}

export type Kind = 'REPORT' | 'SECTION' | 'INDICATOR' | 'GOAL' | 'PROJECT' | 'PLACE' | 'ENTERPRISE';
export interface GraphNode {
  id: string;
  kind: Kind;
  label: string;
  properties: Record<string, unknown>;
}
export interface GraphEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  properties?: Record<string, unknown>;
}

/** The node kind of a GraphQL `__typename` (Indicator → INDICATOR). */
export const kindOfTypename = (typename: string): Kind => typename.toUpperCase() as Kind;

export const KIND_COLORS: Record<Kind, string> = {
  REPORT: '#6e40c9',
  SECTION: '#8c959f',
  INDICATOR: '#1f6feb',
  GOAL: '#d4a72c',
  PROJECT: '#2da44e',
  PLACE: '#cf222e',
  ENTERPRISE: '#bf3989',
};
