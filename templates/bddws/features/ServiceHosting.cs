// Your service, hosted inside dotnet test on a free loopback port (BddWs.Hosting); BDDWS_SERVER_URL, when set, wins.
// Path is what "the server" means in features (what "I am connected" opens), such as "/ws".
[assembly: BddWs.Hosting.HostService(typeof(Program), Path = "/")]
