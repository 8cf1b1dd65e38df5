// The load generator arrives with the live issue (SignalR scoring path); see README "Load test".
Console.Error.WriteLine("loadtest: not yet available in this build; see README.");
return 2;
