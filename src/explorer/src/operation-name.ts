import { Kind, parse } from 'graphql';

/**
 * The operation name to send with `query`. GraphiQL (3 and 5 alike) updates its operation name
 * 100 ms after the editor changes, so a run right after a tab switch sends the new tab's query
 * with the previous tab's name, and the server answers "Unknown operation named …". The query
 * text is always current: a name it does not define gives way to its first operation's, as
 * GraphiQL itself picks once it catches up. Text that does not parse keeps the name it came with,
 * so the server reports the syntax error.
 */
export function resolveOperationName(query: string, operationName: string | null | undefined): string | null {
  let names: (string | undefined)[];
  try {
    names = parse(query, { noLocation: true })
      .definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION)
      .map((d) => d.name?.value);
  } catch {
    return operationName ?? null;
  }
  if (operationName && names.includes(operationName)) return operationName;
  return names[0] ?? null;
}
