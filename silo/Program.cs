using Arena.Silo;
using Arena.Silo.Backup;
using Arena.Silo.Cluster;
using Arena.Silo.Telemetry;
using Arena.Web;
using Orleans.Dashboard;

// `verify FILE`: check an exported bundle offline, without starting a server.
if (VerifyCommand.Matches(args)) return VerifyCommand.Run(args, Console.Out, Console.Error);
// `cluster-certificate FILE`: the certificate a cluster's nodes share for their mutual TLS.
if (ClusterCertificateCommand.Matches(args)) return ClusterCertificateCommand.Run(args, Console.Out, Console.Error);
// `backup FILE` / `restore FILE`: a single node's data folder with its keys, as one file, and back.
if (BackupCommand.Matches(args)) return await BackupCommand.Run(args, Console.Out, Console.Error);

var builder = WebApplication.CreateBuilder(args);
builder.AddArenaSilo();
builder.AddArenaTelemetry();
builder.AddArenaLogFiles();
builder.Services.AddArenaWeb(builder.Configuration);

var app = builder.Build();
app.UseArenaWeb();
app.MapArenaTelemetry();
var api = app.Api();
api.MapClusterApi();
api.MapBackupApi();
if (ArenaSilo.Dashboard(app.Configuration)) app.MapOrleansDashboard(routePrefix: "/dashboard").ExcludeFromDescription(); // not part of the HTTP API
app.Run();
return 0;

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
