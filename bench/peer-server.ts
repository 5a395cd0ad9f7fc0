// The peer of `npm run bench -- peer` in a process of its own: @neo4j/graphql over the configured
// Neo4j (the same labels and relationships, bench/peer-typedefs.ts), served by Apollo's standalone
// server. Prints "peer on <url>" on stderr once it listens; stops on SIGTERM.
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import neo4j from 'neo4j-driver';
import { loadConfig } from '../src/config/env.ts';
import { PEER_TYPE_DEFS } from './peer-typedefs.ts';

const config = loadConfig();
const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.NEO4J_USER, config.NEO4J_PASSWORD));
const schema = await new Neo4jGraphQL({ typeDefs: PEER_TYPE_DEFS, driver }).getSchema();
const server = new ApolloServer({ schema });
const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
process.stderr.write(`peer on ${url}\n`);
process.once('SIGTERM', () => {
  void server
    .stop()
    .then(() => driver.close())
    .then(() => process.exit(0));
});
