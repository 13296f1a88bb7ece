using SampleService;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSignalR();
builder.Services.AddSingleton<IGreeting, ConfiguredGreeting>();

var app = builder.Build();
app.UseWebSockets();
app.MapAbout();
app.MapShout();
app.MapHub<GreetingHub>("/hubs/greetings");
app.Run();
