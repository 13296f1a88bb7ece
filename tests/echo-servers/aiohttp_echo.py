"""A second implementation of the seed's echo contract, on Python's aiohttp.

The suite's @echo features must pass against any server that keeps the contract; CI runs
them against this one too. Usage: python3 aiohttp_echo.py [PORT]  (0 or none: any free port)
"""
import asyncio
import sys

from aiohttp import WSMsgType, web

REPLY_PREFIX = "Message text was: "


async def echo(request: web.Request) -> web.WebSocketResponse:
    socket = web.WebSocketResponse()
    await socket.prepare(request)
    async for message in socket:
        if message.type == WSMsgType.TEXT:
            print(f"received: {message.data}", flush=True)
            if message.data == "close":
                await socket.close(code=1000, message=b"Closing on request")
            else:
                await socket.send_str(REPLY_PREFIX + message.data)
        elif message.type == WSMsgType.BINARY:
            await socket.send_bytes(message.data)
        elif message.type == WSMsgType.ERROR:
            print(f"connection error: {socket.exception()}", flush=True)
    print("websocket connection closed", flush=True)
    return socket


async def serve(port: int) -> None:
    app = web.Application()
    app.router.add_get("/ws", echo)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", port)
    await site.start()
    # Port 0 lets the OS choose; say which one, so a script can wait for this line.
    bound = site._server.sockets[0].getsockname()[1]
    print(f"Now listening on: ws://127.0.0.1:{bound}/ws", flush=True)
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(serve(int(sys.argv[1]) if len(sys.argv) > 1 else 0))
