using BddWs.Server;

await using var app = ServerApp.Build(args);
await app.RunAsync();
