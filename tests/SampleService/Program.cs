using SampleService;

var builder = WebApplication.CreateBuilder(args);

// A start that fails, for the proof that a suite says why: Sample:FailAtStart holds the reason.
if (builder.Configuration["Sample:FailAtStart"] is { Length: > 0 } reason)
{
    throw new InvalidOperationException(reason);
}

builder.Services.AddSignalR();
builder.Services.AddSingleton<IGreeting, ConfiguredGreeting>();

var app = builder.Build();
app.UseWebSockets();
app.MapAbout();
app.MapShout();
app.MapHub<GreetingHub>("/hubs/greetings");
app.Run();
