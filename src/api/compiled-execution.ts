// Execution of the API's operations through graphql-jit: a document that is asked again is
// compiled once into plain JavaScript that walks the answer without graphql-js's per-field
// machinery (argument values per object, completion by type at run time), which on a nested
// answer of ~800 values is about a sixth of the request. Apollo hands execution to the
// "gateway" executor below; parsing, validation, graphql-armor's limits, the cost plugin and
// error formatting stay Apollo's.
import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { execute, type DocumentNode, type ExecutionResult, type GraphQLSchema, GraphQLError } from 'graphql';
import { getVariableValues } from 'graphql/execution/values.js';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/** A document's first run goes through graphql-js; from the second it is compiled. */
const COMPILE_AFTER_RUNS = 1;

interface Compiled {
  runs: number;
  query?: CompiledQuery | null; // null: graphql-jit could not compile it, graphql-js runs it
}

/** The executor: compiled operations cached by document and operation name. */
export function compiledExecutor(schema: GraphQLSchema): GatewayExecutor {
  const cache = new WeakMap<DocumentNode, Map<string, Compiled>>();
  const slot = (document: DocumentNode, operationName: string) => {
    let byName = cache.get(document);
    if (!byName) cache.set(document, (byName = new Map()));
    let entry = byName.get(operationName);
    if (!entry) byName.set(operationName, (entry = { runs: 0 }));
    return entry;
  };
  return async (requestContext) => {
    const { document, request, context: contextValue, operation } = requestContext;
    const operationName = requestContext.operationName ?? request.operationName ?? null;
    const variableValues = request.variables ?? {};
    const viaGraphqlJs = () =>
      execute({ schema, document, contextValue, variableValues, operationName }) as Promise<ExecutionResult>;
    const entry = slot(document, operationName ?? '');
    if (entry.query === null || entry.runs++ < COMPILE_AFTER_RUNS) return viaGraphqlJs();
    if (entry.query === undefined) {
      const compiled = compileQuery(schema, document, operationName ?? undefined);
      entry.query = isCompiledQuery(compiled) ? compiled : null;
      if (!entry.query) return viaGraphqlJs();
    }
    // Variables are coerced by graphql-js first, so that a bad one gets graphql-js's own error
    // (Apollo recognises those as BAD_USER_INPUT); the compiled query then coerces the same way.
    if (getVariableValues(schema, operation.variableDefinitions ?? [], variableValues).errors) return viaGraphqlJs();
    const result = (await entry.query.query(undefined, contextValue, variableValues)) as ExecutionResult;
    return result.errors ? { ...result, errors: result.errors.map(asGraphqlJsError) } : result;
  };
}

/**
 * graphql-jit's errors carry the AppError (originalError) and the path, but no `extensions`
 * object where graphql-js always has one; Apollo's error normalisation reads
 * `extensions.code`, throws, and the client gets INTERNAL_SERVER_ERROR instead of the AppError's
 * code. Remade as graphql-js errors, they format as graphql-js's do.
 */
function asGraphqlJsError(error: GraphQLError): GraphQLError {
  const remade = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: error.extensions,
  });
  if (error.locations) Object.assign(remade, { locations: error.locations });
  return remade;
}

/** Apollo's gateway interface over a fixed schema, so that Apollo runs the compiled executor. */
export function compiledGateway(schema: GraphQLSchema): GatewayInterface {
  return {
    load: async () => ({ schema, executor: compiledExecutor(schema) }),
    onSchemaLoadOrUpdate: (callback) => {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    stop: async () => {},
  };
}
