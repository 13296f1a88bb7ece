// The bundled server's Socket.IO chat (/socket.io/, namespace /chat) on the reference implementation,
// so that CI proves the suite's Socket.IO client against a server it did not write:
//   node server.mjs [port]   (0, the default, picks a free port; the address is printed as .NET prints it)
// The token the /chat namespace wants comes from SOCKETIO_TOKEN, as the bundled server's SocketIo:Token.
import { createServer } from "node:http";
import { Server } from "socket.io";

const port = Number(process.argv[2] ?? 0);
const token = process.env.SOCKETIO_TOKEN ?? "chat-secret";

const http = createServer((_, response) => response.writeHead(404).end());
// The WebSocket transport alone, as the suite speaks it; Engine.IO's default ping timing.
const io = new Server(http, { transports: ["websocket"], pingInterval: 25000, pingTimeout: 20000 });

const chat = io.of("/chat");
chat.use((socket, next) => (socket.handshake.auth?.token === token ? next() : next(new Error("not authorized"))));

let lastOrder = 0;
chat.on("connection", (socket) => {
  const name = socket.handshake.auth.name ?? "anonymous";
  // What a member says goes to every other member, the speaker's name first.
  socket.on("chat", (...args) => socket.broadcast.emit("chat", name, ...args.filter((a) => typeof a !== "function")));
  // An order is confirmed with its id, when the client asked for an acknowledgement.
  socket.on("order", (...args) => {
    const ack = args.at(-1);
    if (typeof ack === "function") ack("ok", `order-${++lastOrder}`);
  });
  socket.on("leave", () => socket.disconnect());
});

http.listen(port, "127.0.0.1", () => console.log(`Now listening on: http://127.0.0.1:${http.address().port}`));
