#!/usr/bin/env node
// Records a real session of headless Chromium with the bundled server and writes it as a HAR file,
// from the DevTools protocol's Network events, as DevTools' own export does: chrome-har turns the
// HTTP events into entries, and the WebSocket events (which chrome-har leaves out) become entries
// with their messages in `_webSocketMessages`.
//
//   node tools/har-capture/capture.mjs <server base URL> hub|orders <out.har>
//
// hub:    two SignalR connections (the real @microsoft/signalr client in the page) on /hubs/chat:
//         both join a group, one sends to it, both receive; a method with a result; one leaves.
// orders: POST /api/login, the /orders WebSocket with the token in ?access_token= (a browser cannot
//         set a header on a WebSocket), subscribe, an order created and cancelled over HTTP, the
//         events and heartbeats that arrive, then the page closes the connection.
import { createServer } from 'node:http';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { harFromMessages } from 'chrome-har';
import { chromium } from 'playwright-core';

const usage = 'usage: node tools/har-capture/capture.mjs <server base URL> hub|orders <out.har>';
const [base, kind, out] = process.argv.slice(2);
if (!base || !['hub', 'orders'].includes(kind) || !out) {
  console.error(usage);
  process.exit(2);
}

// The longest any awaited event may take; the session waits for events, never for time.
const deadlineMs = 20_000;

const networkEvents = [
  'Page.frameStartedLoading', 'Page.frameRequestedNavigation', 'Page.navigatedWithinDocument', 'Page.frameAttached',
  'Page.loadEventFired', 'Page.domContentEventFired',
  'Network.requestWillBeSent', 'Network.requestWillBeSentExtraInfo', 'Network.responseReceived',
  'Network.responseReceivedExtraInfo', 'Network.dataReceived', 'Network.loadingFinished', 'Network.loadingFailed',
  'Network.requestServedFromCache', 'Network.resourceChangedPriority',
];
const webSocketEvents = [
  'Network.webSocketCreated', 'Network.webSocketWillSendHandshakeRequest', 'Network.webSocketHandshakeResponseReceived',
  'Network.webSocketFrameSent', 'Network.webSocketFrameReceived', 'Network.webSocketFrameError', 'Network.webSocketClosed',
];

const withDeadline = (promise, what) => Promise.race([
  promise,
  new Promise((_, reject) => setTimeout(() => reject(new Error(`${what} did not happen within ${deadlineMs} ms`)), deadlineMs).unref()),
]);

// Serves the SignalR client's browser bundle, as a site serves its scripts.
async function serveSignalRBundle() {
  const bundle = await readFile(fileURLToPath(import.meta.resolve('@microsoft/signalr/dist/browser/signalr.min.js')));
  const server = createServer((request, response) => {
    if (request.url === '/signalr.min.js') {
      response.writeHead(200, { 'Content-Type': 'text/javascript', 'Cache-Control': 'no-store' });
      response.end(bundle);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/signalr.min.js`, close: () => server.close() };
}

// In the page: two hub connections talking through a group.
async function hubSession(deadline) {
  const within = (promise, what) => Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error(`${what}: nothing within ${deadline} ms`)), deadline))]);
  const connect = () => new signalR.HubConnectionBuilder()
    .withUrl('/hubs/chat', { transport: signalR.HttpTransportType.WebSockets })
    .configureLogging(signalR.LogLevel.Warning)
    .build();
  // Resolves with the arguments of the first call of `method` on `connection` that `matches`.
  const arrival = (connection, method, matches) => within(new Promise(resolve => {
    const handler = (...args) => {
      if (matches(...args)) {
        connection.off(method, handler);
        resolve(args);
      }
    };
    connection.on(method, handler);
  }), method);

  const ada = connect();
  const grace = connect();
  for (const connection of [ada, grace]) {
    // Every method the hub may call, so the client does not warn about one it does not know.
    for (const method of ['UserJoined', 'UserLeft', 'ReceiveMessage']) connection.on(method, () => {});
  }
  await ada.start();
  await grace.start();

  let joined = arrival(ada, 'UserJoined', user => user === 'ada');
  await ada.invoke('JoinGroup', 'room', 'ada');
  await joined;

  joined = Promise.all([arrival(ada, 'UserJoined', user => user === 'grace'), arrival(grace, 'UserJoined', user => user === 'grace')]);
  await grace.invoke('JoinGroup', 'room', 'grace');
  await joined;

  const received = Promise.all([ada, grace].map(c => arrival(c, 'ReceiveMessage', (user, text) => user === 'ada' && text === 'hello grace')));
  await ada.invoke('SendToGroup', 'room', 'ada', 'hello grace');
  await received;

  const sum = await grace.invoke('Add', 2, 3);
  const room = await grace.invoke('GetRoom', 'room');

  const left = arrival(ada, 'UserLeft', user => user === 'grace');
  await grace.invoke('LeaveGroup', 'room');
  await left;

  await grace.stop();
  await ada.stop();
  return `Add(2, 3) = ${sum}; room ${room.name}: ${room.members.join(', ')}`;
}

// In the page: the orders service over HTTP and its WebSocket.
async function ordersSession({ deadline, password }) {
  const within = (promise, what) => Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error(`${what}: nothing within ${deadline} ms`)), deadline))]);
  const json = async (response, expected) => {
    if (response.status !== expected) throw new Error(`${response.url}: ${response.status}, expected ${expected}`);
    return response.status === 204 ? null : response.json();
  };

  const { token } = await json(await fetch('/api/login', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user: 'ada', password }),
  }), 200);

  const received = [];
  const waiters = [];
  const socket = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/orders?access_token=${encodeURIComponent(token)}`);
  socket.onmessage = event => {
    received.push(JSON.parse(event.data));
    for (const waiter of [...waiters]) waiter();
  };
  const closed = new Promise(resolve => { socket.onclose = resolve; });
  // The first message from index `from` on that `matches`, as soon as it has arrived.
  const message = (matches, from = 0) => within(new Promise(resolve => {
    const look = () => {
      const found = received.slice(from).find(matches);
      if (found) {
        waiters.splice(waiters.indexOf(look), 1);
        resolve(found);
      }
    };
    waiters.push(look);
    look();
  }), 'a message');

  await message(m => m.type === 'welcome');
  socket.send(JSON.stringify({ type: 'subscribe', requestId: 'r1', topic: 'orders' }));
  await message(m => m.type === 'subscribed');

  const authorization = { Authorization: `Bearer ${token}` };
  const order = await json(await fetch('/api/orders', {
    method: 'POST', headers: { ...authorization, 'Content-Type': 'application/json' }, body: JSON.stringify({ item: 'book', quantity: 2 }),
  }), 201);
  await message(m => m.type === 'order.created' && m.order.id === order.id);

  socket.send(JSON.stringify({ type: 'get-order', requestId: 'r2', id: order.id }));
  await message(m => m.type === 'order' && m.requestId === 'r2');

  await json(await fetch(`/api/orders/${encodeURIComponent(order.id)}`, { method: 'DELETE', headers: authorization }), 204);
  const cancelled = await message(m => m.type === 'order.cancelled' && m.id === order.id);

  // Heartbeats come every half second: two after the cancel, so the recording surely has some.
  const mark = received.indexOf(cancelled) + 1;
  await message(m => m.type === 'heartbeat', mark);
  await message(m => m.type === 'heartbeat', received.findIndex((m, i) => i >= mark && m.type === 'heartbeat') + 1);

  socket.close(1000, 'done');
  await within(closed, 'the close');
  return `order ${order.id} created and cancelled; ${received.length} messages`;
}

const headerList = headers => Object.entries(headers ?? {})
  .flatMap(([name, value]) => String(value).split('\n').map(line => ({ name, value: line })));

// DevTools writes the request as it went out: the headers Chrome sent (the extra-info event's, which
// chrome-har adds to the provisional ones instead), and the body as text, where chrome-har turns a
// JSON body into name/value pairs.
function requestAsSent(entry, messages) {
  const event = name => messages.find(m => m.method === name && m.params.requestId === entry._requestId)?.params;
  const extra = event('Network.requestWillBeSentExtraInfo');
  if (extra?.headers) entry.request.headers = headerList(extra.headers);
  const sent = event('Network.requestWillBeSent')?.request;
  if (sent?.postData !== undefined) {
    const mimeType = entry.request.headers.find(h => h.name.toLowerCase() === 'content-type')?.value ?? '';
    entry.request.postData = { mimeType, text: sent.postData };
    if (mimeType.startsWith('application/x-www-form-urlencoded')) {
      entry.request.postData.params = [...new URLSearchParams(sent.postData)].map(([name, value]) => ({ name, value }));
    }
  }
}

// One HAR entry per WebSocket, as DevTools exports it: the handshake, status 101, the messages.
function webSocketEntries(events) {
  const sockets = new Map();
  const socket = id => sockets.get(id) ?? sockets.set(id, { frames: [] }).get(id);
  for (const { method, params } of events) {
    const s = socket(params.requestId);
    switch (method) {
      case 'Network.webSocketCreated': s.url = params.url; break;
      case 'Network.webSocketWillSendHandshakeRequest': s.handshake = params; break;
      case 'Network.webSocketHandshakeResponseReceived': s.response = params; break;
      case 'Network.webSocketFrameSent': s.frames.push({ type: 'send', ...params }); break;
      case 'Network.webSocketFrameReceived': s.frames.push({ type: 'receive', ...params }); break;
    }
  }
  return [...sockets.values()].filter(s => s.url && s.handshake).map(s => {
    // Monotonic timestamps, anchored to the wall clock of the handshake.
    const wall = timestamp => s.handshake.wallTime + (timestamp - s.handshake.timestamp);
    const url = new URL(s.url);
    const wait = s.response ? (s.response.timestamp - s.handshake.timestamp) * 1000 : 0;
    return {
      startedDateTime: new Date(s.handshake.wallTime * 1000).toISOString(),
      time: wait,
      request: {
        method: 'GET', url: s.url, httpVersion: 'HTTP/1.1', cookies: [],
        headers: headerList(s.handshake.request.headers),
        queryString: [...url.searchParams].map(([name, value]) => ({ name, value })),
        headersSize: -1, bodySize: 0,
      },
      response: {
        status: s.response?.response.status ?? 0, statusText: s.response?.response.statusText ?? '',
        httpVersion: 'HTTP/1.1', cookies: [], headers: headerList(s.response?.response.headers),
        content: { size: 0, mimeType: 'x-unknown' }, redirectURL: '', headersSize: -1, bodySize: 0,
      },
      cache: {},
      timings: { blocked: -1, dns: -1, ssl: -1, connect: -1, send: 0, wait, receive: 0 },
      _resourceType: 'websocket',
      _webSocketMessages: s.frames.map(f => ({
        type: f.type, time: wall(f.timestamp), opcode: f.response.opcode, data: f.response.payloadData,
      })),
    };
  });
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const bundle = kind === 'hub' ? await serveSignalRBundle() : null;
try {
  const page = await browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  const messages = [];
  const webSockets = [];
  const pending = [];
  let opened = 0;
  let closed = 0;
  let allClosed = () => {};
  for (const method of networkEvents) {
    cdp.on(method, params => {
      const message = { method, params };
      messages.push(message);
      // Bodies are not in the events: DevTools fetches them, and so does this.
      if (method === 'Network.requestWillBeSent' && params.request.hasPostData && params.request.postData === undefined) {
        pending.push(cdp.send('Network.getRequestPostData', { requestId: params.requestId })
          .then(({ postData }) => { params.request.postData = postData; }, () => {}));
      }
      if (method === 'Network.loadingFinished') {
        const received = messages.find(m => m.method === 'Network.responseReceived' && m.params.requestId === params.requestId);
        if (received) {
          pending.push(cdp.send('Network.getResponseBody', { requestId: params.requestId })
            .then(({ body, base64Encoded }) => {
              received.params.response.body = body;
              if (base64Encoded) received.params.response.encoding = 'base64';
            }, () => {}));
        }
      }
    });
  }
  for (const method of webSocketEvents) {
    cdp.on(method, params => {
      webSockets.push({ method, params });
      if (method === 'Network.webSocketCreated') opened++;
      if (method === 'Network.webSocketClosed' && ++closed === opened) allClosed();
    });
  }
  await cdp.send('Page.enable');
  await cdp.send('Network.enable');

  // A page of the server itself, so its requests are same-origin as an app's would be.
  await page.goto(new URL('/health', base).href);
  let said;
  if (kind === 'hub') {
    await page.addScriptTag({ url: bundle.url });
    said = await page.evaluate(hubSession, deadlineMs);
  } else {
    said = await page.evaluate(ordersSession, { deadline: deadlineMs, password: process.env.ORDERS_PASSWORD ?? 'open-sesame' });
  }
  if (closed < opened) await withDeadline(new Promise(resolve => { allClosed = resolve; }), 'the close of every WebSocket');
  await withDeadline(Promise.all(pending), 'the bodies of the responses');

  const har = harFromMessages(messages, { includeTextFromResponseBody: true });
  for (const entry of har.log.entries) requestAsSent(entry, messages);
  har.log.entries.push(...webSocketEntries(webSockets));
  har.log.entries.sort((a, b) => Date.parse(a.startedDateTime) - Date.parse(b.startedDateTime));
  har.log.browser = { name: 'Chromium', version: browser.version() };
  await writeFile(out, JSON.stringify(har, null, 2) + '\n');
  const frames = har.log.entries.reduce((n, e) => n + (e._webSocketMessages?.length ?? 0), 0);
  console.log(`${out}: ${har.log.entries.length} entries, ${frames} WebSocket messages (${said})`);
} finally {
  await browser.close();
  bundle?.close();
}
