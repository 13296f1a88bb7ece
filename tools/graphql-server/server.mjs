#!/usr/bin/env node
// The orders schema of the bundled server (server/Endpoints/GraphQl), served by graphql-ws, the reference
// implementation of the graphql-transport-ws protocol, so the @graphql features are checked against a
// server nobody here wrote. Usage: node server.mjs [port]; prints "Now listening on: http://127.0.0.1:PORT".
import { createServer } from 'node:http';
import {
  GraphQLID, GraphQLInt, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';

const TOKEN = 's3cret';
const orders = new Map();
const watchers = new Set();
let lastId = 0;

function place(customer, item) {
  const order = { id: String(++lastId), customer, item };
  orders.set(order.id, order);
  for (const watch of watchers) watch(order);
  return order;
}

// The orders placed from now on: watching starts when the subscription does, not when its first event is
// asked for, so a mutation sent right after the subscription is seen.
function placed(customer) {
  const queue = [];
  let waiting = null;
  let done = false;
  const watch = (order) => {
    if (customer != null && order.customer !== customer) return;
    if (waiting) {
      waiting({ value: { orderPlaced: order }, done: false });
      waiting = null;
    } else {
      queue.push(order);
    }
  };
  watchers.add(watch);
  const end = () => {
    done = true;
    watchers.delete(watch);
    waiting?.({ value: undefined, done: true });
    waiting = null;
    return Promise.resolve({ value: undefined, done: true });
  };
  return {
    next: () => done
      ? Promise.resolve({ value: undefined, done: true })
      : queue.length > 0
        ? Promise.resolve({ value: { orderPlaced: queue.shift() }, done: false })
        : new Promise((resolve) => { waiting = resolve; }),
    return: end,
    throw: (error) => { end(); return Promise.reject(error); },
    [Symbol.asyncIterator]() { return this; },
  };
}

async function* countdown(from) {
  for (let n = from; n >= 1; n--) yield { countdown: n };
}

const Order = new GraphQLObjectType({
  name: 'Order',
  fields: {
    id: { type: new GraphQLNonNull(GraphQLID) },
    customer: { type: new GraphQLNonNull(GraphQLString) },
    item: { type: new GraphQLNonNull(GraphQLString) },
  },
});

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      order: {
        type: Order,
        args: { id: { type: new GraphQLNonNull(GraphQLID) } },
        resolve: (_, { id }) => {
          const order = orders.get(id);
          if (!order) throw new Error(`No order ${id}.`);
          return order;
        },
      },
    },
  }),
  mutation: new GraphQLObjectType({
    name: 'Mutation',
    fields: {
      placeOrder: {
        type: new GraphQLNonNull(Order),
        args: { customer: { type: new GraphQLNonNull(GraphQLString) }, item: { type: new GraphQLNonNull(GraphQLString) } },
        resolve: (_, { customer, item }) => place(customer, item),
      },
    },
  }),
  subscription: new GraphQLObjectType({
    name: 'Subscription',
    fields: {
      orderPlaced: {
        type: new GraphQLNonNull(Order),
        args: { customer: { type: GraphQLString } },
        subscribe: (_, { customer }) => placed(customer),
      },
      countdown: {
        type: new GraphQLNonNull(GraphQLInt),
        args: { from: { type: new GraphQLNonNull(GraphQLInt) } },
        subscribe: (_, args) => countdown(args.from),
      },
    },
  }),
});

const server = createServer((_, response) => {
  response.writeHead(400).end('This endpoint speaks WebSocket only.');
});
const sockets = new WebSocketServer({ server, path: '/graphql' });
useServer({
  schema,
  // A token, when the init payload carries one, must be the right one: graphql-ws closes with 4403 otherwise.
  onConnect: (context) => context.connectionParams?.token === undefined || context.connectionParams.token === TOKEN,
}, sockets);

server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => {
  console.log(`Now listening on: http://127.0.0.1:${server.address().port}`);
});
