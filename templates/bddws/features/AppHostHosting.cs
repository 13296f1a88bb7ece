// Your Aspire AppHost, started inside dotnet test (BddWs.Hosting.Aspire), and its resource named the server
// under test; BDDWS_SERVER_URL, when set, wins. Path is what "the server" means in features (what
// "I am connected" opens), such as "/ws".
[assembly: BddWs.Hosting.Aspire.HostAppHost(typeof(Projects.BDDWS_APPHOST_CLASS), Resource = "BDDWS_RESOURCE", Path = "/")]
