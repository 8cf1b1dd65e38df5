using Arena.Silo;
using Arena.Silo.Cluster;
using Arena.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddArenaSilo();
builder.Services.AddArenaWeb(builder.Configuration);

var app = builder.Build();
app.UseArenaWeb();
app.MapArenaHome();
app.MapClusterApi();
app.Run();

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
