// What a suite writes to host its service: here, the sample service, its /shout endpoint as "the server".
[assembly: BddWs.Hosting.HostService(typeof(Program), Path = "/shout")]
