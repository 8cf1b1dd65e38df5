using Arena.Silo;
using Arena.Silo.Cluster;
using Arena.Silo.Telemetry;
using Arena.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddArenaSilo();
builder.AddArenaTelemetry();
builder.Services.AddArenaWeb(builder.Configuration);

var app = builder.Build();
app.UseArenaWeb();
app.MapArenaTelemetry();
app.MapClusterApi();
app.Run();

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
