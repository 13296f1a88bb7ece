using Microsoft.AspNetCore.SignalR;

namespace SampleService;

/// <summary>
/// <c>/hubs/greetings</c>: <c>Greet(name)</c> returns a greeting; <c>Announce(name)</c> tells everyone
/// connected <c>Arrived(name)</c>.
/// </summary>
public sealed class GreetingHub(IGreeting greeting) : Hub
{
    public string Greet(string name) => greeting.Greet(name);

    public Task Announce(string name) => Clients.All.SendAsync("Arrived", name);
}
